// A master and a viewer signal through kvs-local, offline: dotnet run docs/examples/signaling.cs
#:project ../../src/KvsSignaling.Local/KvsSignaling.Local.csproj
#:project ../../src/KvsSignaling/KvsSignaling.csproj
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
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
var masterWss = (await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [ChannelProtocol.Wss])).Wss!;
var viewerWss = (await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, [ChannelProtocol.Wss])).Wss!;

using var master = new ClientWebSocket();
await master.ConnectAsync(Presign(masterWss, arn.Value, null), CancellationToken.None);
using var viewer = new ClientWebSocket();
await viewer.ConnectAsync(Presign(viewerWss, arn.Value, "viewer-1"), CancellationToken.None);

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

// SigV4 query-string signing as the WebRTC SDKs do it: host the only signed header, the payload hash of "".
static Uri Presign(Uri endpoint, string channelArn, string? clientId)
{
    var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    var scope = $"{amzDate[..8]}/{Region}/kinesisvideo/aws4_request";
    var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
        ["X-Amz-ChannelARN"] = channelArn,
        ["X-Amz-Credential"] = $"{AccessKey}/{scope}",
        ["X-Amz-Date"] = amzDate,
        ["X-Amz-Expires"] = "299",
        ["X-Amz-SignedHeaders"] = "host",
    };
    if (clientId is not null)
    {
        parameters["X-Amz-ClientId"] = clientId;
    }

    var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    var canonical = $"GET\n{endpoint.AbsolutePath}\n{query}\nhost:{endpoint.Authority}\n\nhost\n{Convert.ToHexStringLower(SHA256.HashData([]))}";
    var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
    byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
    var signingKey = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + Secret), amzDate[..8]), Region), "kinesisvideo"), "aws4_request");
    return new Uri($"{endpoint.GetLeftPart(UriPartial.Path)}?{query}&X-Amz-Signature={Convert.ToHexStringLower(Hmac(signingKey, stringToSign))}");
}
