// No code fix is right for these: they are reported, and stay reported after dotnet format.
using Amazon.KinesisVideo.Model;
using KvsSignaling;

namespace Consumer;

public static class NotFixable
{
    private const string Region = "US-WEST-2";

    public static ChannelArn Arn() => /*KVS1005*/$"arn:aws:kinesisvideo:{Region}:123456789012:channel/front-door/1700000000000";

    public static GetSignalingChannelEndpointRequest Request() => new()
    {
        ChannelARN = /*KVS1005*/"arn:aws:kinesisvideo:us-west-2:123456789012:channel/front door/1700000000000",
        SingleMasterChannelEndpointConfiguration = new SingleMasterChannelEndpointConfiguration { Protocols = /*KVS1004*/[] },
    };

    public static ChannelRole Owner() => /*KVS1001*/"OWNER";

    public static string Runtime(string role) => ChannelRole.Parse(role).Value;

    public static Task<PresignedConnectUrl> Viewer(KvsSignalingClient client, ChannelArn arn) =>
        client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, /*KVS1007*/"AWS_front-door");

    public static System.Management.Automation.PowerShell IceServers() =>
        System.Management.Automation.PowerShell.Create().AddCommand("Get-KvsIceServerConfig").AddParameter("ClientId", /*KVS1007*/"front door");

    public static ChannelArn TooLate() => /*KVS1005*/"arn:aws:kinesisvideo:us-west-2:123456789012:channel/front-door/17000000000000000000";

    public static System.Management.Automation.PowerShell Hosted()
    {
        var ps = System.Management.Automation.PowerShell.Create();
        ps.AddCommand("Get-KvsSignalingChannelEndpoint");
        ps.AddParameter(/*KVS1006*/"Protocols", new[] { "WSS" });
        ps.AddParameter("Role", /*KVS1001*/"OWNER");
        return ps;
    }
}
