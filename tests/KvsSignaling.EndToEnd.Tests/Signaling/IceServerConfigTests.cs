using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>GetIceServerConfig through the library against kvs-local's HTTPS endpoint: typed servers, kept until shortly before they expire.</summary>
public sealed class IceServerConfigTests : IClassFixture<KvsLocalFixture>
{
    private readonly KvsLocalFixture _fixture;

    public IceServerConfigTests(KvsLocalFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Servers_come_back_typed_and_are_kept_until_dropped()
    {
        using var client = LocalClients.Create(_fixture.Server, o => o.EnableEndpointCache = true);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("ice"), cancellationToken: guard.Token);
        var before = _fixture.Server.Admin.GetRequestCount("GetIceServerConfig");

        var servers = await client.GetIceServerConfigAsync(arn, "viewer-1", cancellationToken: guard.Token);
        var again = await client.GetIceServerConfigAsync(arn, "viewer-1", cancellationToken: guard.Token);

        Assert.NotEmpty(servers);
        Assert.All(servers, s =>
        {
            Assert.NotEmpty(s.Uris);
            Assert.False(string.IsNullOrEmpty(s.Username));
            Assert.False(string.IsNullOrEmpty(s.Password));
            Assert.Equal(TimeSpan.FromSeconds(300), s.Ttl);
            Assert.NotNull(s.ExpiresAt);
            Assert.DoesNotContain(s.Password!, s.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(servers.Select(s => s.Password), again.Select(s => s.Password));
        Assert.Equal(before + 1, _fixture.Server.Admin.GetRequestCount("GetIceServerConfig"));

        client.InvalidateIceServerConfig(arn);
        await client.GetIceServerConfigAsync(arn, "viewer-1", cancellationToken: guard.Token);
        await client.GetIceServerConfigAsync(arn, "viewer-1", new GetIceServerConfigOptions { BypassCache = true }, guard.Token);
        Assert.Equal(before + 3, _fixture.Server.Admin.GetRequestCount("GetIceServerConfig"));
    }

    [Fact]
    public async Task The_master_asks_without_a_client_id_and_the_region_STUN_server_can_be_added_first()
    {
        using var client = LocalClients.Create(_fixture.Server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("ice-stun"), cancellationToken: guard.Token);

        var servers = await client.GetIceServerConfigAsync(arn, options: new GetIceServerConfigOptions { IncludeStunServer = true }, cancellationToken: guard.Token);

        Assert.Equal(["stun:stun.kinesisvideo.us-west-2.amazonaws.com:443"], servers[0].Uris);
        Assert.Null(servers[0].Password);
        Assert.True(servers.Count > 1);
    }

    [Fact]
    public async Task A_bad_client_id_is_refused_before_any_request_and_a_missing_channel_is_the_service_error()
    {
        using var client = LocalClients.Create(_fixture.Server);
        using var guard = HangGuard.Start();
        var missing = ChannelArn.Parse("arn:aws:kinesisvideo:us-west-2:123456789012:channel/ice-missing/1700000000000");

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetIceServerConfigAsync(missing, "AWS_reserved", cancellationToken: guard.Token));
        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetIceServerConfigAsync(missing, "v", cancellationToken: guard.Token));
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }
}
