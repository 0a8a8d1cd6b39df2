using System.Collections;
using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>Adds tags to signaling channels (TagResource); a key a channel already has gets the new value.</summary>
[Cmdlet(VerbsCommon.Add, "KvsSignalingChannelTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByArn, HelpUri = HelpLinks.AddKvsSignalingChannelTag)]
[OutputType(typeof(void))]
[OutputType(typeof(SignalingChannel))]
public sealed class AddKvsSignalingChannelTagCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    private IReadOnlyList<KeyValuePair<string, string>> tags = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The ARNs of the channels to tag.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The names of the channels to tag, resolved with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>The tags, e.g. @{ site = 'hq' }: 1 to 50, keys 1..128 and values 0..256 characters.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNull]
    [Alias("Tags")]
    public Hashtable Tag { get; set; } = new();

    /// <summary>Writes each tagged channel with a Tags hashtable of all its tags.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void Begin()
    {
        base.Begin();
        tags = TagArguments.FromHashtable(Tag, nameof(Tag), allowEmpty: false);
    }

    private protected override void Process() => ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input =>
    {
        if (!ShouldProcess(input.Text, "Add tags " + string.Join(", ", tags.Select(t => t.Key)) + " to signaling channel"))
        {
            return;
        }

        RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
        {
            var arn = input.Arn ?? (await DescribeAsync(client, input, ct).ConfigureAwait(false)).ChannelARN;
            await client.TagSignalingChannelAsync(arn, tags, ct).ConfigureAwait(false);
            return PassThru ? await WithTagsAsync(client, arn, ct).ConfigureAwait(false) : null;
        });
    });
}
