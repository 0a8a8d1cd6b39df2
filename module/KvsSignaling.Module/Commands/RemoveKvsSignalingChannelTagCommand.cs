using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>Removes tags from signaling channels by key (UntagResource); keys a channel does not have are ignored.</summary>
[Cmdlet(VerbsCommon.Remove, "KvsSignalingChannelTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByArn, HelpUri = HelpLinks.RemoveKvsSignalingChannelTag)]
[OutputType(typeof(void))]
[OutputType(typeof(SignalingChannel))]
public sealed class RemoveKvsSignalingChannelTagCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    private IReadOnlyList<string> keys = Array.Empty<string>();

    /// <summary>The ARNs of the channels to untag.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The names of the channels to untag, resolved with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>The keys of the tags to remove: 1 to 50, each 1..128 characters.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNull]
    [Alias("Key", "TagKeys")]
    public string[] TagKey { get; set; } = Array.Empty<string>();

    /// <summary>Writes each untagged channel with a Tags hashtable of the tags it still has.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void Begin()
    {
        base.Begin();
        keys = TagArguments.Keys(TagKey, nameof(TagKey));
    }

    private protected override void Process()
    {
        if (ParameterSetName == ByName)
        {
            foreach (var name in ChannelName)
            {
                RemoveTags(name, async (client, ct) => (await client.DescribeSignalingChannelByNameAsync(name, ct).ConfigureAwait(false)).ChannelARN, ErrorIds.InvalidChannelName);
            }

            return;
        }

        foreach (var value in ChannelARN)
        {
            if (ParseArnOrWriteError(value) is { } arn)
            {
                RemoveTags(value, (_, _) => Task.FromResult(arn), ErrorIds.InvalidChannelArn, arn.Region);
            }
        }
    }

    private void RemoveTags(string input, Func<KvsSignalingClient, CancellationToken, Task<ChannelArn>> resolve, string invalidInputErrorId, string? arnRegion = null)
    {
        if (!ShouldProcess(input, "Remove tags " + string.Join(", ", keys) + " from signaling channel"))
        {
            return;
        }

        var client = GetClient(arnRegion);
        PSObject? channel;
        try
        {
            channel = Run(async ct =>
            {
                var arn = await resolve(client, ct).ConfigureAwait(false);
                await client.UntagSignalingChannelAsync(arn, keys, ct).ConfigureAwait(false);
                if (!PassThru)
                {
                    return null;
                }

                var info = await client.DescribeSignalingChannelAsync(arn, ct).ConfigureAwait(false);
                return new SignalingChannel(info).ToPSObject(await client.ListSignalingChannelTagsAsync(arn, ct).ConfigureAwait(false));
            });
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidArgument(invalidInputErrorId, exception, input));
            return;
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.FromException(exception, input));
            return;
        }

        if (channel is not null)
        {
            WriteObject(channel);
        }
    }
}
