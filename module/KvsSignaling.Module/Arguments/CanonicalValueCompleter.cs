using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>
/// Completes a parameter from a fixed list of canonical values, matching what was typed so far
/// case-insensitively and honouring wildcards, so `-Role v&lt;Tab&gt;` gives VIEWER.
/// </summary>
public abstract class CanonicalValueCompleter : IArgumentCompleter
{
    private readonly string[] values;

    /// <summary>Creates a completer over <paramref name="values"/>.</summary>
    protected CanonicalValueCompleter(IEnumerable<string> values)
    {
        this.values = values.ToArray();
    }

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        return values.Where(pattern.IsMatch).Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}
