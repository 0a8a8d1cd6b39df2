// Every value here has a code fix. A /*KVSnnnn*/ comment sits right before each value that rule must report.
using System.Management.Automation;
using Amazon.KinesisVideo.Model;
using KvsSignaling;

namespace Consumer;

public static class Fixable
{
    public static GetSignalingChannelEndpointRequest AwsRequest() => new()
    {
        ChannelARN = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/front-door/1700000000000",
        SingleMasterChannelEndpointConfiguration = new SingleMasterChannelEndpointConfiguration
        {
            Role = /*KVS1001*/"master",
            Protocols = new List<string> { "WSS", /*KVS1002*/"HTTP", /*KVS1003*/"WSS" },
        },
    };

    public static Task<ChannelEndpoints> Typed(KvsSignalingClient client) =>
        client.GetSignalingChannelEndpointAsync(
            "arn:aws:kinesisvideo:us-west-2:123456789012:channel/front-door/1700000000000",
            /*KVS1001*/"MASTR",
            new ChannelProtocol[] { /*KVS1002*/"wss", ChannelProtocol.Https });

    public static ChannelRole Parsed() => ChannelRole.Parse(/*KVS1001*/"VIEWERS");

    public static PowerShell Hosted() =>
        PowerShell.Create()
            .AddCommand("Get-KvsSignalingChannelEndpoint")
            .AddParameter("ChannelName", "front-door")
            .AddParameter("Role", /*KVS1001*/"viewer")
            .AddParameter("Protocol", new[] { /*KVS1002*/"WS", "HTTPS" });
}
