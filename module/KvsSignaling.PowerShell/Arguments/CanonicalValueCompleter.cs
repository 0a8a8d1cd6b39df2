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
        var given = new HashSet<string>(GivenValues(parameterName, commandAst, fakeBoundParameters), StringComparer.OrdinalIgnoreCase);
        return CompletionText.Matching(values.Where(v => !given.Contains(v)), wordToComplete);
    }

    /// <summary>The values already typed for the parameter (-Role MASTER, &lt;Tab&gt; leaves MASTER out).</summary>
    private static IEnumerable<string> GivenValues(string parameterName, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters[parameterName] is { } bound)
        {
            foreach (var value in LanguagePrimitives.GetEnumerable(bound) ?? new[] { bound })
            {
                if (value?.ToString() is { } text)
                {
                    yield return text;
                }
            }
        }

        // While the list is being typed, the values are in the syntax tree, not yet bound.
        var elements = commandAst?.CommandElements;
        if (elements is null)
        {
            yield break;
        }

        for (var i = 0; i < elements.Count - 1; i++)
        {
            if (elements[i] is CommandParameterAst parameter && parameter.ParameterName.Equals(parameterName, StringComparison.OrdinalIgnoreCase))
            {
                // A list still being typed ("MASTER, ") parses as an error expression around its elements.
                var argument = parameter.Argument ?? elements[i + 1];
                foreach (var item in argument.FindAll(a => a is StringConstantExpressionAst, searchNestedScriptBlocks: false))
                {
                    yield return ((StringConstantExpressionAst)item).Value;
                }
            }
        }
    }
}
