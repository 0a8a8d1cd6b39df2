using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KvsSignaling.PowerShell.Clients;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>
/// Completes -ChannelName with the channels whose names start with what was typed (ListSignalingChannels with
/// that prefix), with the -Region, -ProfileName, -EndpointUrl and keys typed so far. Gives up silently after a second,
/// or on any error: completion must never hang the prompt or print.
/// </summary>
public sealed class ChannelNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private const int MaxResults = 100;

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        try
        {
            var client = ClientPool.Get(new ClientSettings
            {
                Region = fakeBoundParameters["Region"] as string,
                EndpointUrl = fakeBoundParameters["EndpointUrl"] is { } url ? new Uri(url.ToString()!, UriKind.Absolute) : null,
                ProfileName = fakeBoundParameters["ProfileName"] as string,
                ProfileLocation = fakeBoundParameters["ProfileLocation"] as string,
                AccessKey = fakeBoundParameters["AccessKey"] as string,
                SecretKey = fakeBoundParameters["SecretKey"] as string,
                SessionToken = fakeBoundParameters["SessionToken"] as string,
            });
            using var budget = new CancellationTokenSource(Budget);
            var names = Task.Run(() => ListAsync(client, prefix, budget.Token)).GetAwaiter().GetResult();
            return CompletionText.Matching(names, wordToComplete);
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    private static async Task<List<string>> ListAsync(KvsSignalingClient client, string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var channel in client.ListSignalingChannelsAsync(prefix.Length == 0 ? null : prefix, cancellationToken).ConfigureAwait(false))
        {
            names.Add(channel.ChannelName);
            if (names.Count >= MaxResults)
            {
                break;
            }
        }

        return names;
    }
}
