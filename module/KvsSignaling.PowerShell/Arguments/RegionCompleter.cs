using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>Completes -Region from the regions of the AWS partitions the module knows.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Matching(AwsRegions.Known, wordToComplete);
}
