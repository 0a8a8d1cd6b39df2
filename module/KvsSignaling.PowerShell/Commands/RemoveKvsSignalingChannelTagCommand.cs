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

    private protected override void Process() => ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input =>
    {
        if (!ShouldProcess(input.Text, "Remove tags " + string.Join(", ", keys) + " from signaling channel"))
        {
            return;
        }

        RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
        {
            var arn = input.Arn ?? (await DescribeAsync(client, input, ct).ConfigureAwait(false)).ChannelARN;
            await client.UntagSignalingChannelAsync(arn, keys, ct).ConfigureAwait(false);
            return PassThru ? await WithTagsAsync(client, arn, ct).ConfigureAwait(false) : null;
        });
    });
}
