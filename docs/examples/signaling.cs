// A master and a viewer signal through kvs-local, offline: dotnet run docs/examples/signaling.cs
#:project ../../src/KvsSignaling.Local/KvsSignaling.Local.csproj
#:project ../../src/KvsSignaling/KvsSignaling.csproj
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using KvsSignaling;
using KvsSignaling.Local;

const string AccessKey = KvsLocalCredential.DefaultAccessKeyId, Secret = KvsLocalCredential.DefaultSecretAccessKey, Region = "us-west-2";
await using var server = await KvsLocalServer.StartAsync();
using var client = new KvsSignalingClient(new KvsSignalingClientOptions
{
    EndpointUrl = server.BaseUrl,
    Region = Region,
    Credentials = new BasicAWSCredentials(AccessKey, Secret),
});
var arn = await client.CreateSignalingChannelAsync("demo");

// The library finds each role's WSS endpoint and presigns it; the frames below are the raw wire protocol.
using var master = new ClientWebSocket();
await master.ConnectAsync((await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Master)).Url, CancellationToken.None);
using var viewer = new ClientWebSocket();
await viewer.ConnectAsync((await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, "viewer-1")).Url, CancellationToken.None);

await SendAsync(viewer, new JsonObject { ["action"] = "SDP_OFFER", ["messagePayload"] = Base64("""{"type":"offer","sdp":"v=0"}""") });
Console.WriteLine($"master got: {await ReceiveAsync(master)}");
await SendAsync(master, new JsonObject { ["action"] = "SDP_ANSWER", ["recipientClientId"] = "viewer-1", ["messagePayload"] = Base64("""{"type":"answer","sdp":"v=0"}""") });
Console.WriteLine($"viewer got: {await ReceiveAsync(viewer)}");
await SendAsync(viewer, new JsonObject { ["action"] = "NOPE", ["messagePayload"] = Base64("{}"), ["correlationId"] = "c-1" });
Console.WriteLine($"viewer got: {await ReceiveAsync(viewer)}");
foreach (var connection in server.Admin.Connections)
{
    Console.WriteLine($"{connection.Id} {connection.Role} {connection.ClientId ?? "-"}: {connection.MessagesIn} in, {connection.MessagesOut} out");
}

static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

static Task SendAsync(ClientWebSocket socket, JsonObject message) =>
    socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

static async Task<string> ReceiveAsync(ClientWebSocket socket)
{
    var buffer = new byte[64 * 1024];
    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
    return Encoding.UTF8.GetString(buffer, 0, result.Count);
}
