using KvsSignaling.PowerShell.Arguments;
using System.Management.Automation;
using KvsSignaling.PowerShell.Clients;
using KvsSignaling.PowerShell.Errors;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>Deletes signaling channels, by ARN (also from the pipeline) or by name.</summary>
[Cmdlet(VerbsCommon.Remove, "KvsSignalingChannel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByArn, HelpUri = HelpLinks.RemoveKvsSignalingChannel)]
[OutputType(typeof(void))]
public sealed class RemoveKvsSignalingChannelCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    /// <summary>The ARNs of the channels to delete.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The names of the channels to delete, resolved with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>Deletes only if the channel still has this version (from Get-KvsSignalingChannel).</summary>
    [Parameter(ParameterSetName = ByArn, ValueFromPipelineByPropertyName = true)]
    [Alias("Version")]
    public string? CurrentVersion { get; set; }

    private protected override void Process()
    {
        if (ParameterSetName == ByName)
        {
            foreach (var name in ChannelName)
            {
                Remove(name, null, async (client, ct) => (await client.DescribeSignalingChannelByNameAsync(name, ct).ConfigureAwait(false)).ChannelARN, ErrorIds.InvalidChannelName);
            }

            return;
        }

        foreach (var value in ChannelARN)
        {
            if (ParseArnOrWriteError(value) is { } arn)
            {
                Remove(value, CurrentVersion, (_, _) => Task.FromResult(arn), ErrorIds.InvalidChannelArn, arn.Region);
            }
        }
    }

    private void Remove(string input, string? version, Func<KvsSignalingClient, CancellationToken, Task<ChannelArn>> resolve, string invalidInputErrorId, string? arnRegion = null)
    {
        if (!ShouldProcess(input, "Delete signaling channel"))
        {
            return;
        }

        var client = GetClient(arnRegion);
        try
        {
            var deleted = Run(async ct =>
            {
                var arn = await resolve(client, ct).ConfigureAwait(false);
                await client.DeleteSignalingChannelAsync(arn, version, ct).ConfigureAwait(false);
                return arn;
            });

            // Lookups made with other settings (another -Region, keys, pacing) have their own clients and caches.
            ClientPool.ForgetChannel(deleted);
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidArgument(invalidInputErrorId, exception, input));
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.FromException(exception, input));
        }
    }
}
