using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KvsSignaling.Tests.Values;

/// <summary>Reads constraints of a model shape and decides validity by the model alone, as the oracle of the tests.</summary>
internal sealed class ContractShape
{
    private ContractShape(string name, JsonElement shape)
    {
        Name = name;
        Min = shape.TryGetProperty("min", out var min) ? min.GetInt32() : 0;
        Max = shape.TryGetProperty("max", out var max) ? max.GetInt32() : int.MaxValue;
        Pattern = shape.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null;
        Enum = shape.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : new List<string>();
    }

    public string Name { get; }

    public int Min { get; }

    public int Max { get; }

    public string? Pattern { get; }

    public IReadOnlyList<string> Enum { get; }

    public static ContractShape Of(string name) => new(name, Infrastructure.Contract.Shape(name));

    /// <summary>Valid by the model: length within bounds and the pattern matching the whole value.</summary>
    public bool Allows(string value)
    {
        if (value.Length < Min || value.Length > Max)
        {
            return false;
        }

        if (Pattern is null)
        {
            return true;
        }

        // \p classes need .NET's default syntax; everything else is read with ECMAScript (ASCII \d) semantics.
        var options = Pattern.Contains(@"\p", StringComparison.Ordinal) ? RegexOptions.None : RegexOptions.ECMAScript;
        // The model's regexes end at the end of input; .NET's $ would also accept a trailing newline.
        return Regex.IsMatch(value, $@"^(?:{Pattern})\z", options | RegexOptions.CultureInvariant);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} [{Min}..{Max}] {Pattern}");
}
