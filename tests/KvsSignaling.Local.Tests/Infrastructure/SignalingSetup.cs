using System.Text.Json.Nodes;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>A kvs-local with one channel, its WSS endpoints as GetSignalingChannelEndpoint answers them, and a presigner.</summary>
internal sealed class SignalingSetup : IAsyncDisposable
{
    private SignalingSetup(KvsLocalServer server, KvsTestClient client, string channelArn, string masterEndpoint, string viewerEndpoint)
    {
        Server = server;
        Client = client;
        ChannelArn = channelArn;
        MasterEndpoint = masterEndpoint;
        ViewerEndpoint = viewerEndpoint;
    }

    public KvsLocalServer Server { get; }

    public KvsTestClient Client { get; }

    public string ChannelArn { get; }

    public string MasterEndpoint { get; }

    public string ViewerEndpoint { get; }

    public TestPresigner Presigner { get; private init; } = new();

    /// <summary>Starts kvs-local and creates the channel; <paramref name="presigner"/> also signs the control-plane calls with its key.</summary>
    public static async Task<SignalingSetup> StartAsync(KvsLocalOptions? options = null, string channelName = "signaling", HttpClient? http = null, TestPresigner? presigner = null)
    {
        var server = await KvsLocalServer.StartAsync(options);
        var client = new KvsTestClient(server.BaseUrl)
        {
            HttpClient = http ?? KvsTestClient.DefaultHttpClient,
            AccessKeyId = presigner?.AccessKeyId ?? KvsLocalCredential.DefaultAccessKeyId,
            SecretAccessKey = presigner?.SecretAccessKey ?? KvsLocalCredential.DefaultSecretAccessKey,
            SessionToken = presigner?.SessionToken,
        };
        var arn = await client.CreateChannelAsync(channelName);
        var (master, viewer) = await WssEndpointsAsync(client, arn);
        return new SignalingSetup(server, client, arn, master, viewer) { Presigner = presigner ?? new TestPresigner() };
    }

    public static async Task<(string Master, string Viewer)> WssEndpointsAsync(KvsTestClient client, string arn) =>
        (await EndpointAsync(client, arn, "MASTER"), await EndpointAsync(client, arn, "VIEWER"));

    public Uri MasterUrl(TestPresigner? presigner = null) => (presigner ?? Presigner).Presign(MasterEndpoint, ChannelArn, null);

    public Uri ViewerUrl(string clientId, TestPresigner? presigner = null) => (presigner ?? Presigner).Presign(ViewerEndpoint, ChannelArn, clientId);

    public Task<SignalingTestClient> ConnectMasterAsync(TestPresigner? presigner = null) => SignalingTestClient.ConnectAsync(MasterUrl(presigner));

    public Task<SignalingTestClient> ConnectViewerAsync(string clientId, TestPresigner? presigner = null) => SignalingTestClient.ConnectAsync(ViewerUrl(clientId, presigner));

    /// <summary>Waits (bounded) until the admin lists <paramref name="count"/> connections, as joins and leaves finish just after the handshake.</summary>
    public async Task WaitForConnectionsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(SignalingTestClient.Patience);
        while (Server.Admin.Connections.Count != count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static async Task<string> EndpointAsync(KvsTestClient client, string arn, string role)
    {
        var answer = await client.CallOkAsync("GetSignalingChannelEndpoint", new JsonObject
        {
            ["ChannelARN"] = arn,
            ["SingleMasterChannelEndpointConfiguration"] = new JsonObject { ["Protocols"] = new JsonArray("WSS"), ["Role"] = role },
        });
        return (string)answer["ResourceEndpointList"]![0]!["ResourceEndpoint"]!;
    }
}
