using System.Net;
using System.Net.WebSockets;
using System.Text;
using Amazon.Runtime;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>
/// Presigned connect URLs from the library against kvs-local's own SigV4 query verifier: a master and viewers
/// connect and exchange messages, temporary credentials carry their token in the signed query, and the service
/// refuses a wrong secret and an expired URL.
/// </summary>
public sealed class PresignedConnectTests
{
    private const string AccessKey = "AKIDE2EPRESIGN";
    private const string SecretKey = "presign-SECRET-never-shown";
    private const string SessionToken = "presign-session-TOKEN-never-shown";

    [Fact]
    public async Task A_master_and_two_viewers_connect_with_presigned_URLs_and_exchange_an_offer_and_an_answer()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("presign"), cancellationToken: guard.Token);

        using var master = await ConnectAsync(await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Master, cancellationToken: guard.Token), guard.Token);
        using var viewer1 = await ConnectAsync(await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, "viewer-1", cancellationToken: guard.Token), guard.Token);
        using var viewer2 = await ConnectAsync(await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, "viewer.2_x-y", cancellationToken: guard.Token), guard.Token);

        await SendAsync(viewer2, """{"action":"SDP_OFFER","messagePayload":"e30="}""", guard.Token);
        Assert.Contains("\"senderClientId\":\"viewer.2_x-y\"", await ReceiveAsync(master, guard.Token), StringComparison.Ordinal);
        await SendAsync(master, """{"action":"SDP_ANSWER","recipientClientId":"viewer.2_x-y","messagePayload":"e30="}""", guard.Token);
        Assert.Contains("SDP_ANSWER", await ReceiveAsync(viewer2, guard.Token), StringComparison.Ordinal);
        Assert.Equal(3, server.Admin.Connections.Count(c => c.ChannelARN == arn.Value));
    }

    [Fact]
    public async Task Temporary_credentials_connect_and_a_wrong_secret_or_token_is_refused()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            QuotasEnabled = false,
            Credentials = [new KvsLocalCredential(AccessKey, SecretKey) { SessionToken = SessionToken }],
        });
        using var client = LocalClients.Create(server, o => o.Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken));
        using var wrongSecret = LocalClients.Create(server, o => o.Credentials = new SessionAWSCredentials(AccessKey, SecretKey + "-wrong", SessionToken));
        using var wrongToken = LocalClients.Create(server, o => o.Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken + "-wrong"));
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("presign-sts"), cancellationToken: guard.Token);
        var wss = (await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token)).Wss!;

        var good = await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, "v", cancellationToken: guard.Token);
        Assert.Contains("X-Amz-Security-Token=", good.Url.Query, StringComparison.Ordinal);
        using (await ConnectAsync(good, guard.Token))
        {
        }

        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(await wrongSecret.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, "v", wssEndpoint: wss, cancellationToken: guard.Token), guard.Token));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(await wrongToken.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, "v", wssEndpoint: wss, cancellationToken: guard.Token), guard.Token));
    }

    [Fact]
    public async Task An_expired_URL_is_refused_and_one_with_a_longer_expiry_still_connects()
    {
        var clock = new SteppableClock();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { QuotasEnabled = false, TimeProvider = clock });
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("presign-exp"), cancellationToken: guard.Token);

        var short_ = await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Master, cancellationToken: guard.Token);
        var long_ = await client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Master, expiresIn: TimeSpan.FromHours(1), cancellationToken: guard.Token);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(short_, guard.Token));
        using (await ConnectAsync(long_, guard.Token))
        {
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(PresignedConnectUrl url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(url.Url, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<HttpStatusCode> RefusalAsync(PresignedConnectUrl url, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url.Url, cancellationToken));
        return socket.HttpStatusCode;
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
