using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>Creates signaling channels and writes each new channel.</summary>
[Cmdlet(VerbsCommon.New, "KvsSignalingChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.NewKvsSignalingChannel)]
[OutputType(typeof(SignalingChannel))]
public sealed class NewKvsSignalingChannelCommand : KvsCmdlet
{
    /// <summary>The names of the channels to create.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>How long undelivered signaling messages are kept, 5 to 120 seconds.</summary>
    [Parameter]
    [ValidateRange(5, 120)]
    public int? MessageTtlSeconds { get; set; }

    /// <summary>Tags for every new channel, e.g. @{ site = 'hq' }: up to 50, keys 1..128 and values 0..256 characters.</summary>
    [Parameter]
    [ValidateNotNull]
    public System.Collections.Hashtable? Tag { get; set; }

    private IReadOnlyList<KeyValuePair<string, string>>? tags;

    private protected override void Begin()
    {
        base.Begin();
        tags = Tag is null ? null : TagArguments.FromHashtable(Tag, nameof(Tag), allowEmpty: true);
    }

    private protected override void Process()
    {
        foreach (var name in ChannelName)
        {
            if (!ShouldProcess(name, "Create signaling channel"))
            {
                continue;
            }

            RunForInput(name, null, ErrorIds.InvalidChannelName, async (client, ct) =>
            {
                var arn = await client.CreateSignalingChannelAsync(name, MessageTtlSeconds, tags, ct).ConfigureAwait(false);
                return new SignalingChannel(await client.DescribeSignalingChannelAsync(arn, ct).ConfigureAwait(false)).ToPSObject();
            });
        }
    }
}
