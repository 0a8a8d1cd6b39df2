using System.Text;
using System.Text.Json;

namespace KvsSignaling.Endpoints;

/// <summary>
/// A small evaluator of the service's endpoint rule set (endpoint-rules.json, embedded from the contract).
/// It implements the functions and shapes that rule set uses — <c>isSet</c>, <c>booleanEquals</c>,
/// <c>stringEquals</c>, <c>not</c>, <c>getAttr</c>, <c>aws.partition</c>, tree/endpoint/error rules and
/// <c>{Ref}</c>/<c>{Ref#attr}</c> templates — so the URLs come from the rules, not from a copy of them.
/// </summary>
internal sealed class EndpointRuleSet
{
    private readonly JsonDocument _rules;
    private readonly PartitionTable _partitions;

    public EndpointRuleSet(string rulesJson, PartitionTable partitions)
    {
        _rules = JsonDocument.Parse(rulesJson);
        _partitions = partitions;
    }

    /// <summary>The rule set and partitions shipped inside this assembly.</summary>
    /// <summary>The partitions the rules resolve regions with.</summary>
    public PartitionTable Partitions => _partitions;

    public static EndpointRuleSet Embedded { get; } = new(
        ReadResource("KvsSignaling.endpoint-rules.json"),
        PartitionTable.Parse(ReadResource("KvsSignaling.partitions.json")));

    /// <summary>Resolves the endpoint URL, or throws <see cref="EndpointRuleException"/> with the rule set's own error text.</summary>
    public string Resolve(string? region, bool useFips, bool useDualStack, string? endpoint)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Region"] = region,
            ["UseFIPS"] = useFips,
            ["UseDualStack"] = useDualStack,
            ["Endpoint"] = endpoint,
        };

        var result = EvaluateRules(_rules.RootElement.GetProperty("rules"), scope);
        return result ?? throw new EndpointRuleException("No endpoint rule matched.");
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(EndpointRuleSet).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private string? EvaluateRules(JsonElement rules, Dictionary<string, object?> scope)
    {
        foreach (var rule in rules.EnumerateArray())
        {
            var local = new Dictionary<string, object?>(scope, StringComparer.Ordinal);
            if (!ConditionsHold(rule.GetProperty("conditions"), local))
            {
                continue;
            }

            switch (rule.GetProperty("type").GetString())
            {
                case "tree":
                    var inner = EvaluateRules(rule.GetProperty("rules"), local);
                    if (inner is not null)
                    {
                        return inner;
                    }

                    // A tree whose rules all fail to match is terminal in the rules language.
                    throw new EndpointRuleException("No endpoint rule matched inside a matching tree.");
                case "endpoint":
                    return AsString(Evaluate(rule.GetProperty("endpoint").GetProperty("url"), local));
                case "error":
                    throw new EndpointRuleException(AsString(Evaluate(rule.GetProperty("error"), local)));
                default:
                    throw new NotSupportedException($"Endpoint rule type '{rule.GetProperty("type").GetString()}' is not supported.");
            }
        }

        return null;
    }

    private bool ConditionsHold(JsonElement conditions, Dictionary<string, object?> scope)
    {
        foreach (var condition in conditions.EnumerateArray())
        {
            var value = Evaluate(condition, scope);
            if (value is null || value is false)
            {
                return false;
            }

            if (condition.TryGetProperty("assign", out var assign))
            {
                scope[assign.GetString()!] = value;
            }
        }

        return true;
    }

    private object? Evaluate(JsonElement expression, Dictionary<string, object?> scope)
    {
        switch (expression.ValueKind)
        {
            case JsonValueKind.String:
                return Expand(expression.GetString()!, scope);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Object when expression.TryGetProperty("ref", out var reference):
                return scope.TryGetValue(reference.GetString()!, out var bound) ? bound : null;
            case JsonValueKind.Object when expression.TryGetProperty("fn", out var fn):
                var args = expression.GetProperty("argv").EnumerateArray().ToList();
                return Call(fn.GetString()!, args, scope);
            default:
                throw new NotSupportedException($"Endpoint rule expression {expression.GetRawText()} is not supported.");
        }
    }

    private object? Call(string function, List<JsonElement> args, Dictionary<string, object?> scope)
    {
        switch (function)
        {
            case "isSet":
                return Evaluate(args[0], scope) is not null;
            case "not":
                return Evaluate(args[0], scope) is false;
            case "booleanEquals":
                return Evaluate(args[0], scope) is bool a && Evaluate(args[1], scope) is bool b && a == b;
            case "stringEquals":
                return Evaluate(args[0], scope) is string s1 && Evaluate(args[1], scope) is string s2 && string.Equals(s1, s2, StringComparison.Ordinal);
            case "getAttr":
                return GetAttr(Evaluate(args[0], scope), args[1].GetString()!);
            case "aws.partition":
                return Evaluate(args[0], scope) is string region ? _partitions.Resolve(region) : null;
            default:
                throw new NotSupportedException($"Endpoint rule function '{function}' is not supported.");
        }
    }

    private static object? GetAttr(object? target, string path) =>
        target is IReadOnlyDictionary<string, object> map && map.TryGetValue(path, out var value) ? value : null;

    /// <summary>Expands <c>{Name}</c> and <c>{Name#attribute}</c> templates.</summary>
    private static string Expand(string template, Dictionary<string, object?> scope)
    {
        if (template.IndexOf('{') < 0)
        {
            return template;
        }

        var result = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new NotSupportedException($"Unterminated template in endpoint rule '{template}'.");
            }

            result.Append(template, position, open - position);
            var name = template.Substring(open + 1, close - open - 1);
            var hash = name.IndexOf('#');
            object? value = hash < 0
                ? (scope.TryGetValue(name, out var bound) ? bound : null)
                : GetAttr(scope.TryGetValue(name.Substring(0, hash), out var owner) ? owner : null, name.Substring(hash + 1));
            result.Append(AsString(value));
            position = close + 1;
        }

        return result.ToString();
    }

    private static string AsString(object? value) => value as string
        ?? throw new NotSupportedException("An endpoint rule produced a value that is not a string.");
}
