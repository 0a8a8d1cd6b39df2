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

    private protected override void Process() => ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input =>
        RunForInput(input.Text, input.Region, input.InvalidInputErrorId, async (client, ct) =>
        {
            var arn = input.Arn ?? (await DescribeAsync(client, input, ct).ConfigureAwait(false)).ChannelARN;
            var options = new GetIceServerConfigOptions { BypassCache = Force.IsPresent };
            var servers = await client.GetIceServerConfigAsync(arn, ClientId, options, ct).ConfigureAwait(false);
            return servers.Select(server => new SignalingIceServer(arn, ClientId, server).ToPSObject()).ToList();
        }));
}
