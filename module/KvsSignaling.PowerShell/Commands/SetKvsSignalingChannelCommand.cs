using System.Globalization;
using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Changes signaling channels' message TTL (UpdateSignalingChannel), by ARN (also from the pipeline) or by name.
/// The update names the channel's current version: the piped Version, -CurrentVersion, or else the one just described.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KvsSignalingChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByArn, HelpUri = HelpLinks.SetKvsSignalingChannel)]
[OutputType(typeof(void))]
[OutputType(typeof(SignalingChannel))]
public sealed class SetKvsSignalingChannelCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    /// <summary>The ARNs of the channels to change.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The names of the channels to change, resolved with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>How long undelivered signaling messages are kept, 5 to 120 seconds.</summary>
    [Parameter(Mandatory = true)]
    [ValidateRange(5, 120)]
    public int MessageTtlSeconds { get; set; }

    /// <summary>Changes the channel only if it still has this version (bound from piped Get-KvsSignalingChannel output).</summary>
    [Parameter(ParameterSetName = ByArn, ValueFromPipelineByPropertyName = true)]
    [Alias("Version")]
    public string? CurrentVersion { get; set; }

    /// <summary>Writes each changed channel, described after the update (with its new Version).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void Process() => ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input =>
    {
        var action = string.Format(CultureInfo.InvariantCulture, "Set MessageTtlSeconds of signaling channel to {0}", MessageTtlSeconds);
        if (!ShouldProcess(input.Text, action))
        {
            return;
        }

        // A name is always described (for its ARN and version); an ARN only when no -CurrentVersion came with it.
        var version = input.Arn is null ? null : CurrentVersion;
        RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
        {
            var arn = input.Arn;
            if (arn is null || version is null)
            {
                var info = await DescribeAsync(client, input, ct).ConfigureAwait(false);
                arn = info.ChannelARN;
                version = info.Version;
            }

            await client.UpdateSignalingChannelAsync(arn, version, MessageTtlSeconds, ct).ConfigureAwait(false);
            return PassThru ? new SignalingChannel(await client.DescribeSignalingChannelAsync(arn, ct).ConfigureAwait(false)).ToPSObject() : null;
        });
    });
}
