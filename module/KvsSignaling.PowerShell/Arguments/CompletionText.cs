using System.Management.Automation;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>Filters candidates by what was typed so far: case-insensitive, wildcards honoured, quotes kept off.</summary>
internal static class CompletionText
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string? wordToComplete)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        return candidates.Where(pattern.IsMatch).Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v));
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '|', '&' }) < 0 ? value : "'" + value.Replace("'", "''") + "'";
}
