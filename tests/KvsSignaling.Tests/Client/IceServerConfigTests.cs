using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>GetIceServerConfig's request shape, where it goes, and how long its answer is kept.</summary>
public sealed class IceServerConfigTests
{
    private static readonly ChannelArn Arn = ChannelArn.Parse(TestClients.Arn);

    [Fact]
    public async Task It_goes_to_the_channels_HTTPS_endpoint_signed_with_the_model_body_and_is_kept_while_its_Ttl_allows()
    {
        LoopbackServer? self = null;
        await using var server = new LoopbackServer((request, _) => request.Target.StartsWith("/data/v1/get-ice-server-config", StringComparison.Ordinal)
            ? Reply.Json("""{"IceServerList":[{"Uris":["turn:a:443?transport=udp","turns:a:443"],"Username":"u1","Password":"pw-never-shown","Ttl":300}]}""")
            : Reply.Endpoints(("WSS", "wss://v.example"), ("HTTPS", self!.Url.AbsoluteUri.TrimEnd('/') + "/data")));
        self = server;
        using var client = TestClients.Create(server);

        var servers = await client.GetIceServerConfigAsync(Arn, "viewer-1");
        await client.GetIceServerConfigAsync(Arn, "viewer-1");

        var ice = Assert.Single(server.Requests, r => r.Target.Contains("ice-server", StringComparison.Ordinal));
        Assert.Equal("POST", ice.Method);
        Assert.Equal("""{"ChannelARN":"arn:aws:kinesisvideo:us-west-2:123456789012:channel/demo-channel/1700000000000","ClientId":"viewer-1","Service":"TURN"}""", ice.BodyText);
        Assert.Null(SigV4Reference.Verify(ice, TestClients.SecretKey));
        Assert.Contains("\"Role\":\"VIEWER\"", server.Requests[0].BodyText, StringComparison.Ordinal);
        var only = Assert.Single(servers);
        Assert.Equal(["turn:a:443?transport=udp", "turns:a:443"], only.Uris);
        Assert.Equal(("u1", "pw-never-shown", TimeSpan.FromSeconds(300)), (only.Username, only.Password, only.Ttl));
        Assert.DoesNotContain("pw-never-shown", only.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Servers_within_30_seconds_of_expiry_are_asked_for_again()
    {
        LoopbackServer? self = null;
        await using var server = new LoopbackServer((request, _) => request.Target.Contains("ice-server", StringComparison.Ordinal)
            ? Reply.Json("""{"IceServerList":[{"Uris":["turn:a"],"Username":"u","Password":"p","Ttl":300},{"Uris":["turn:b"],"Username":"u","Password":"p","Ttl":30}]}""")
            : Reply.Endpoints(("HTTPS", self!.Url.AbsoluteUri)));
        self = server;
        using var client = TestClients.Create(server);

        await client.GetIceServerConfigAsync(Arn);
        await client.GetIceServerConfigAsync(Arn);

        // The smallest Ttl (30 s) leaves nothing once its 30-second margin is taken off: both calls ask.
        Assert.Equal(2, server.Requests.Count(r => r.Target.Contains("ice-server", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_control_plane_answer_without_an_HTTPS_endpoint_is_an_endpoint_error()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://v.example")));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<KvsEndpointException>(() => client.GetIceServerConfigAsync(Arn));
        Assert.Contains("\"Role\":\"MASTER\"", Assert.Single(server.Requests).BodyText, StringComparison.Ordinal);
    }
}
