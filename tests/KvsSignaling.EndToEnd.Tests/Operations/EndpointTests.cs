using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>GetSignalingChannelEndpoint for both roles and every protocol list (each subset, each order), WEBRTC only with media ingestion.</summary>
public sealed class EndpointTests(KvsLocalFixture fixture) : IClassFixture<KvsLocalFixture>
{
    private static readonly ChannelProtocol[] Protocols = { ChannelProtocol.Wss, ChannelProtocol.Https, ChannelProtocol.WebRtc };

    public static TheoryData<string, string> RoleAndProtocolLists()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "MASTER", "VIEWER" })
        {
            foreach (var list in OrderedSelections(Protocols.Select(p => p.Value).ToList()))
            {
                data.Add(role, string.Join(",", list));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleAndProtocolLists))]
    public async Task Every_requested_protocol_gets_one_endpoint_of_the_right_kind_and_WEBRTC_needs_media_ingestion(string roleText, string protocolText)
    {
        var server = fixture.Server;
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var role = ChannelRole.Parse(roleText);
        var protocols = protocolText.Split(',').Select(ChannelProtocol.Parse).ToList();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("ep"), cancellationToken: guard.Token);

        if (protocols.Contains(ChannelProtocol.WebRtc))
        {
            var refused = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(arn, role, protocols, cancellationToken: guard.Token));
            Assert.Equal("InvalidArgumentException", refused.ErrorCode);
            Assert.Equal(1, refused.Attempts);
            Assert.True(server.Admin.SetMediaIngestion(arn.Value, true));
        }

        var result = await client.GetSignalingChannelEndpointAsync(arn, role, protocols, cancellationToken: guard.Token);

        Assert.Equal(arn, result.ChannelArn);
        Assert.Equal(role, result.Role);
        Assert.False(result.FromCache);
        Assert.NotNull(result.RequestId);
        Assert.Equal(protocols.OrderBy(p => p.Value), result.Endpoints.Select(e => e.Protocol).OrderBy(p => p.Value));
        var id = result.Endpoints[0].Uri.AbsolutePath.Split('-').Last();
        Assert.Matches("^[0-9a-f]{8}$", id);
        foreach (var endpoint in result.Endpoints)
        {
            var (scheme, prefix) = Expected(endpoint.Protocol, role);
            Assert.Equal(scheme, endpoint.Uri.Scheme);
            Assert.Equal(server.BaseUrl.Authority, endpoint.Uri.Authority);
            Assert.Equal($"/_endpoints/{prefix}-{id}", endpoint.Uri.AbsolutePath);
        }

        Assert.Equal(protocols.Contains(ChannelProtocol.Wss), result.Wss is not null);
        Assert.Equal(protocols.Contains(ChannelProtocol.Https), result.Https is not null);
        Assert.Equal(protocols.Contains(ChannelProtocol.WebRtc), result.WebRtc is not null);
    }

    [Fact]
    public async Task No_protocol_list_asks_for_WSS_and_HTTPS()
    {
        using var client = LocalClients.Create(fixture.Server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("default"), cancellationToken: guard.Token);

        var result = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token);

        Assert.Equal(new[] { "HTTPS", "WSS" }, result.Endpoints.Select(e => e.Protocol.Value).OrderBy(v => v, StringComparer.Ordinal));
        Assert.StartsWith("/_endpoints/v-", result.Wss!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_style_endpoints_are_secure_and_named_after_role_and_region()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { EndpointStyle = EndpointStyle.Aws, QuotasEnabled = false });
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("aws"), cancellationToken: guard.Token);
        Assert.True(server.Admin.SetMediaIngestion(arn.Value, true));

        var master = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, Protocols, cancellationToken: guard.Token);
        var viewer = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, Protocols, cancellationToken: guard.Token);

        Assert.Matches(@"^wss://m-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com/$", master.Wss!.AbsoluteUri);
        Assert.Matches(@"^wss://v-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com/$", viewer.Wss!.AbsoluteUri);
        Assert.Matches(@"^https://r-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com/$", master.Https!.AbsoluteUri);
        Assert.Matches(@"^https://w-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com/$", viewer.WebRtc!.AbsoluteUri);
        Assert.Equal(master.Https, viewer.Https);
    }

    private static (string Scheme, string Prefix) Expected(ChannelProtocol protocol, ChannelRole role)
    {
        if (protocol == ChannelProtocol.Wss)
        {
            return ("ws", role == ChannelRole.Master ? "m" : "v");
        }

        return ("http", protocol == ChannelProtocol.Https ? "r" : "w");
    }

    private static IEnumerable<List<string>> OrderedSelections(List<string> items)
    {
        foreach (var item in items)
        {
            yield return new List<string> { item };
            foreach (var rest in OrderedSelections(items.Where(i => i != item).ToList()))
            {
                yield return new List<string> { item }.Concat(rest).ToList();
            }
        }
    }
}
