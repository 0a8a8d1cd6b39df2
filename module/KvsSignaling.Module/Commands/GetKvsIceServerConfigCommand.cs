using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Gets the ICE (TURN) servers of signaling channels with GetIceServerConfig on each channel's HTTPS endpoint: one
/// object per server. Answers are kept in the session until 30 seconds before they expire.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KvsIceServerConfig", DefaultParameterSetName = ByArn, HelpUri = HelpLinks.GetKvsIceServerConfig)]
[OutputType(typeof(SignalingIceServer))]
public sealed class GetKvsIceServerConfigCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    /// <summary>The channel ARNs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The channel names, resolved to ARNs with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>The viewer's client id; without it the servers are asked for as the master.</summary>
    [Parameter]
    public string? ClientId { get; set; }

    /// <summary>Asks the service even when the session keeps servers from an earlier answer.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override void Begin()
    {
        base.Begin();
        GetKvsSignalingPresignedUrlCommand.CheckClientId(ClientId);
    }

    private protected override void Process()
    {
        if (ParameterSetName == ByName)
        {
            foreach (var name in ChannelName)
            {
                Fetch(name, null, async (client, ct) => (await client.DescribeSignalingChannelByNameAsync(name, ct).ConfigureAwait(false)).ChannelARN, ErrorIds.InvalidChannelName);
            }

            return;
        }

        foreach (var value in ChannelARN)
        {
            if (ParseArnOrWriteError(value) is { } arn)
            {
                Fetch(value, arn.Region, (_, _) => Task.FromResult(arn), ErrorIds.InvalidChannelArn);
            }
        }
    }

    private void Fetch(string input, string? arnRegion, Func<KvsSignalingClient, CancellationToken, Task<ChannelArn>> resolve, string invalidInputErrorId)
    {
        var client = GetClient(arnRegion);
        try
        {
            var (arn, servers) = Run(async ct =>
            {
                var arn = await resolve(client, ct).ConfigureAwait(false);
                var options = new GetIceServerConfigOptions { BypassCache = Force.IsPresent };
                return (arn, await client.GetIceServerConfigAsync(arn, ClientId, options, ct).ConfigureAwait(false));
            });
            foreach (var server in servers)
            {
                WriteObject(new SignalingIceServer(arn, ClientId, server).ToPSObject());
            }
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
