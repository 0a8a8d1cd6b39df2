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

    private protected override void Process()
    {
        if (ParameterSetName == ByName)
        {
            foreach (var name in ChannelName)
            {
                Update(name, async (client, ct) =>
                {
                    var info = await client.DescribeSignalingChannelByNameAsync(name, ct).ConfigureAwait(false);
                    return (info.ChannelARN, info.Version);
                }, ErrorIds.InvalidChannelName);
            }

            return;
        }

        foreach (var value in ChannelARN)
        {
            if (ParseArnOrWriteError(value) is { } arn)
            {
                var version = CurrentVersion;
                Update(value, async (client, ct) => (arn, version ?? (await client.DescribeSignalingChannelAsync(arn, ct).ConfigureAwait(false)).Version), ErrorIds.InvalidChannelArn, arn.Region);
            }
        }
    }

    private void Update(string input, Func<KvsSignalingClient, CancellationToken, Task<(ChannelArn Arn, string Version)>> resolve, string invalidInputErrorId, string? arnRegion = null)
    {
        var action = string.Format(CultureInfo.InvariantCulture, "Set MessageTtlSeconds of signaling channel to {0}", MessageTtlSeconds);
        if (!ShouldProcess(input, action))
        {
            return;
        }

        var client = GetClient(arnRegion);
        SignalingChannelInfo? updated;
        try
        {
            updated = Run(async ct =>
            {
                var (arn, version) = await resolve(client, ct).ConfigureAwait(false);
                await client.UpdateSignalingChannelAsync(arn, version, MessageTtlSeconds, ct).ConfigureAwait(false);
                return PassThru ? await client.DescribeSignalingChannelAsync(arn, ct).ConfigureAwait(false) : null;
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

        if (updated is not null)
        {
            WriteObject(new SignalingChannel(updated).ToPSObject());
        }
    }
}
