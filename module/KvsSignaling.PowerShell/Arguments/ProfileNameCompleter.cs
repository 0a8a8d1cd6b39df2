using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Amazon.Runtime.CredentialManagement;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>Completes -ProfileName from the profiles of the shared config and credentials files (or -ProfileLocation).</summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        List<string> names;
        try
        {
            var location = fakeBoundParameters["ProfileLocation"] as string;
            var file = string.IsNullOrEmpty(location) ? new SharedCredentialsFile() : new SharedCredentialsFile(location);
            names = file.ListProfileNames().Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // Completion stays silent: an unreadable file is reported when the command runs.
            return Array.Empty<CompletionResult>();
        }

        return CompletionText.Matching(names, wordToComplete);
    }
}
