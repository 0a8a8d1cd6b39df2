using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Model;

/// <summary>
/// Checks a JSON input against a shape of the service model: required members, lengths, ranges, patterns,
/// enums and list sizes. A value of the wrong JSON type is a SerializationException; a value that breaks
/// a constraint is an InvalidArgumentException naming the member, worded like the service's validation.
/// </summary>
internal sealed class ShapeValidator(ServiceModel model)
{
    private const int MaxEchoedLength = 100;
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public void Validate(string shapeName, JsonElement value)
    {
        var failures = new List<string>();
        Visit(shapeName, value, string.Empty, failures);
        if (failures.Count > 0)
        {
            var count = failures.Count == 1 ? "1 validation error detected" : $"{failures.Count} validation errors detected";
            throw new ServiceErrorException(ServiceError.InvalidArgument($"{count}: {string.Join("; ", failures)}"));
        }
    }

    private void Visit(string shapeName, JsonElement value, string path, List<string> failures)
    {
        var shape = model.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                VisitStructure(shape, value, path, failures);
                break;
            case "list":
                VisitList(shape, value, path, failures);
                break;
            case "map":
                VisitMap(shape, value, path, failures);
                break;
            case "string":
                VisitString(shape, value, path, failures);
                break;
            case "integer":
            case "long":
                VisitInteger(shape, value, path, failures);
                break;
            case "boolean":
                Expect(value, path, "a boolean", value.ValueKind is JsonValueKind.True or JsonValueKind.False);
                break;
            case "timestamp":
                Expect(value, path, "a timestamp", value.ValueKind is JsonValueKind.Number or JsonValueKind.String);
                break;
            default:
                Expect(value, path, "a string", value.ValueKind == JsonValueKind.String);
                break;
        }
    }

    private void VisitStructure(JsonElement shape, JsonElement value, string path, List<string> failures)
    {
        Expect(value, path, "an object", value.ValueKind == JsonValueKind.Object);
        var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        foreach (var member in shape.GetProperty("members").EnumerateObject())
        {
            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (!value.TryGetProperty(member.Name, out var memberValue) || memberValue.ValueKind == JsonValueKind.Null)
            {
                if (required.Contains(member.Name))
                {
                    failures.Add($"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null");
                }

                continue;
            }

            Visit(member.Value.GetProperty("shape").GetString()!, memberValue, memberPath, failures);
        }
    }

    private void VisitList(JsonElement shape, JsonElement value, string path, List<string> failures)
    {
        Expect(value, path, "an array", value.ValueKind == JsonValueKind.Array);
        var length = value.GetArrayLength();
        CheckLength(shape, length, $"'{Echo(value)}'", path, failures);
        var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            Visit(memberShape, item, $"{path}[{index++}]", failures);
        }
    }

    private void VisitMap(JsonElement shape, JsonElement value, string path, List<string> failures)
    {
        Expect(value, path, "an object", value.ValueKind == JsonValueKind.Object);
        var entries = value.EnumerateObject().ToList();
        CheckLength(shape, entries.Count, $"'{Echo(value)}'", path, failures);
        var keyShape = shape.GetProperty("key").GetProperty("shape").GetString()!;
        var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
        foreach (var entry in entries)
        {
            using var key = JsonDocument.Parse(JsonSerializer.Serialize(entry.Name));
            Visit(keyShape, key.RootElement, $"{path}.{entry.Name}(key)", failures);
            Visit(valueShape, entry.Value, $"{path}.{entry.Name}", failures);
        }
    }

    private static void VisitString(JsonElement shape, JsonElement value, string path, List<string> failures)
    {
        Expect(value, path, "a string", value.ValueKind == JsonValueKind.String);
        var text = value.GetString()!;
        var echoed = $"'{Truncate(text)}'";
        if (shape.TryGetProperty("enum", out var allowed))
        {
            var values = allowed.EnumerateArray().Select(e => e.GetString()!).ToList();
            if (!values.Contains(text, StringComparer.Ordinal))
            {
                failures.Add($"Value {echoed} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]");
            }

            return;
        }

        CheckLength(shape, text.Length, echoed, path, failures);
        if (shape.TryGetProperty("pattern", out var pattern))
        {
            var source = pattern.GetString()!;
            if (!FullMatch(source).IsMatch(text))
            {
                failures.Add($"Value {echoed} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {source}");
            }
        }
    }

    private static void VisitInteger(JsonElement shape, JsonElement value, string path, List<string> failures)
    {
        Expect(value, path, "an integer", value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _));
        var number = value.GetInt64();
        if (shape.TryGetProperty("min", out var min) && number < min.GetInt64())
        {
            failures.Add($"Value '{number}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min.GetInt64()}");
        }

        if (shape.TryGetProperty("max", out var max) && number > max.GetInt64())
        {
            failures.Add($"Value '{number}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max.GetInt64()}");
        }
    }

    private static void CheckLength(JsonElement shape, int length, string echoed, string path, List<string> failures)
    {
        if (shape.TryGetProperty("min", out var min) && length < min.GetInt64())
        {
            failures.Add($"Value {echoed} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min.GetInt64()}");
        }

        if (shape.TryGetProperty("max", out var max) && length > max.GetInt64())
        {
            failures.Add($"Value {echoed} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max.GetInt64()}");
        }
    }

    private static void Expect(JsonElement value, string path, string expected, bool ok)
    {
        if (!ok)
        {
            var where = path.Length == 0 ? "the request body" : $"'{path}'";
            throw new ServiceErrorException(ServiceError.Serialization(
                $"Expected {expected} at {where} but found a JSON {value.ValueKind.ToString().ToLowerInvariant()}."));
        }
    }

    // The service matches the whole value (Java's Pattern.matches), while the model's patterns are written unanchored.
    private static Regex FullMatch(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex($"^(?:{p})\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private static string Echo(JsonElement value) => Truncate(value.GetRawText());

    private static string Truncate(string text) =>
        text.Length <= MaxEchoedLength ? text : string.Concat(text.AsSpan(0, MaxEchoedLength), "...");
}
