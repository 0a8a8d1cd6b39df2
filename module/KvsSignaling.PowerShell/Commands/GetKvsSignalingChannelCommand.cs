using KvsSignaling.PowerShell.Arguments;
using System.Management.Automation;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Gets signaling channels: one by name or ARN, or every channel (optionally those whose name
/// starts with -NamePrefix), reading every page. The output pipes into Get-KvsSignalingChannelEndpoint.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KvsSignalingChannel", DefaultParameterSetName = List, HelpUri = HelpLinks.GetKvsSignalingChannel)]
[OutputType(typeof(SignalingChannel))]
public sealed class GetKvsSignalingChannelCommand : KvsCmdlet
{
    private const string List = "List";
    private const string ByName = "ChannelName";
    private const string ByArn = "ChannelARN";

    /// <summary>Lists only the channels whose names start with this prefix.</summary>
    [Parameter(ParameterSetName = List)]
    [ValidateNotNullOrEmpty]
    public string? NamePrefix { get; set; }

    /// <summary>The names of the channels to get.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>The ARNs of the channels to get.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>Adds a Tags hashtable to each channel, read with one ListTagsForResource per channel.</summary>
    [Parameter]
    public SwitchParameter IncludeTags { get; set; }

    private protected override void Process()
    {
        if (ParameterSetName == List)
        {
            ListAll();
            return;
        }

        ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input =>
            RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
            {
                var info = await DescribeAsync(client, input, ct).ConfigureAwait(false);
                return IncludeTags
                    ? new SignalingChannel(info).ToPSObject(await client.ListSignalingChannelTagsAsync(info.ChannelARN, ct).ConfigureAwait(false))
                    : new SignalingChannel(info).ToPSObject();
            }));
    }

    private void ListAll()
    {
        var client = GetClient();
        IAsyncEnumerator<SignalingChannelInfo>? pages = null;
        try
        {
            pages = client.ListSignalingChannelsAsync(NamePrefix, StopToken).GetAsyncEnumerator(StopToken);

            // Each channel is written as soon as its page arrives: the list is never held whole.
            while (Run(_ => pages.MoveNextAsync().AsTask()))
            {
                WriteChannel(client, pages.Current);
            }
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidArgument(ErrorIds.InvalidChannelName, exception, NamePrefix));
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.FromException(exception, NamePrefix));
        }
        finally
        {
            _ = pages?.DisposeAsync();
        }
    }

    /// <summary>Writes a channel, with its tags under -IncludeTags; a channel whose tags cannot be read is that channel's error.</summary>
    private void WriteChannel(KvsSignalingClient client, SignalingChannelInfo info)
    {
        if (!IncludeTags)
        {
            WriteObject(new SignalingChannel(info).ToPSObject());
            return;
        }

        IReadOnlyDictionary<string, string> tags;
        try
        {
            tags = Run(ct => client.ListSignalingChannelTagsAsync(info.ChannelARN, ct));
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.FromException(exception, info.ChannelARN.Value));
            return;
        }

        WriteObject(new SignalingChannel(info).ToPSObject(tags));
    }
}
