using KvsSignaling.Caching;

namespace KvsSignaling.Tests.Caching;

/// <summary>Expiry and the size bound, with a clock the test moves.</summary>
public sealed class EndpointCacheUnitTests
{
    private static readonly Uri ControlPlane = new("https://kinesisvideo.us-west-2.amazonaws.com");
    private TimeSpan _now = TimeSpan.FromHours(1);
    private int _fetches;

    [Fact]
    public async Task Entries_expire_after_the_ttl()
    {
        var cache = new EndpointCache(TimeSpan.FromMinutes(5), 10, () => _now);
        var arn = Arn("a");

        Assert.False((await Get(cache, arn)).FromCache);
        _now += TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1);
        Assert.True((await Get(cache, arn)).FromCache);
        _now += TimeSpan.FromTicks(1);
        Assert.False((await Get(cache, arn)).FromCache);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_drops_expired_then_oldest_entries()
    {
        var cache = new EndpointCache(TimeSpan.FromMinutes(5), 2, () => _now);

        await Get(cache, Arn("a"));
        _now += TimeSpan.FromSeconds(1);
        await Get(cache, Arn("b"));
        _now += TimeSpan.FromSeconds(1);
        await Get(cache, Arn("c"));

        // Seen through what is fetched again: the oldest entry went to make room, and goes again for the next one.
        Assert.True((await Get(cache, Arn("c"))).FromCache);
        Assert.True((await Get(cache, Arn("b"))).FromCache);
        Assert.Equal(3, _fetches);
        Assert.False((await Get(cache, Arn("a"))).FromCache);
        Assert.Equal(4, _fetches);
        Assert.True((await Get(cache, Arn("c"))).FromCache);
        Assert.False((await Get(cache, Arn("b"))).FromCache);
        Assert.Equal(5, _fetches);
    }

    [Fact]
    public async Task A_refreshed_entry_counts_as_newest_and_the_entries_it_replaced_or_evicted_are_no_longer_live()
    {
        var cache = new EndpointCache(TimeSpan.FromMinutes(5), 2, () => _now);
        await Get(cache, Arn("a"));
        var a = cache.Find(Key(Arn("a")))!;
        _now += TimeSpan.FromSeconds(1);
        await Get(cache, Arn("b"));
        _now += TimeSpan.FromSeconds(1);

        // A bypassing lookup stores a fresh answer for "a": the old entry is dead, the new one now outlives "b".
        await Get(cache, Arn("a"), bypass: true);
        Assert.False(cache.IsLive(a));
        var refreshed = cache.Find(Key(Arn("a")))!;
        Assert.True(cache.IsLive(refreshed));
        Assert.Same(refreshed.Cached, await Get(cache, Arn("a")));

        var b = cache.Find(Key(Arn("b")))!;
        await Get(cache, Arn("c"));
        Assert.False(cache.IsLive(b));
        Assert.True(cache.IsLive(refreshed));

        cache.Invalidate(Arn("a"));
        Assert.False(cache.IsLive(refreshed));
        Assert.Null(cache.Find(Key(Arn("a"))));
    }

    [Fact]
    public async Task An_entry_is_not_live_after_its_ttl()
    {
        var cache = new EndpointCache(TimeSpan.FromMinutes(5), 10, () => _now);
        await Get(cache, Arn("a"));
        var entry = cache.Find(Key(Arn("a")))!;
        _now += TimeSpan.FromMinutes(5);
        Assert.False(cache.IsLive(entry));
        Assert.Null(cache.Find(Key(Arn("a"))));
    }

    [Fact]
    public void The_key_is_endpoint_channel_role_and_protocol_set()
    {
        var arn = Arn("a");
        var key = EndpointCache.KeyOf(ControlPlane, arn, ChannelRole.Master, new[] { ChannelProtocol.Wss, ChannelProtocol.Https });
        Assert.Equal(key, EndpointCache.KeyOf(ControlPlane, arn, ChannelRole.Master, new[] { ChannelProtocol.Https, ChannelProtocol.Wss }));
        Assert.NotEqual(key, EndpointCache.KeyOf(new Uri("http://127.0.0.1:1"), arn, ChannelRole.Master, new[] { ChannelProtocol.Wss, ChannelProtocol.Https }));
        Assert.NotEqual(key, EndpointCache.KeyOf(ControlPlane, arn, ChannelRole.Viewer, new[] { ChannelProtocol.Wss, ChannelProtocol.Https }));
        Assert.NotEqual(key, EndpointCache.KeyOf(ControlPlane, Arn("b"), ChannelRole.Master, new[] { ChannelProtocol.Wss, ChannelProtocol.Https }));
        Assert.NotEqual(key, EndpointCache.KeyOf(ControlPlane, arn, ChannelRole.Master, new[] { ChannelProtocol.Wss }));
    }

    private static ChannelArn Arn(string name) => ChannelArn.Parse($"arn:aws:kinesisvideo:us-west-2:1:channel/{name}/1");

    private static string Key(ChannelArn arn) => EndpointCache.KeyOf(ControlPlane, arn, ChannelRole.Master, new[] { ChannelProtocol.Wss });

    private Task<ChannelEndpoints> Get(EndpointCache cache, ChannelArn arn, bool bypass = false) =>
        cache.GetOrFetchAsync(
            Key(arn),
            bypass,
            _ =>
            {
                _fetches++;
                return Task.FromResult(new ChannelEndpoints(arn, ChannelRole.Master, new[] { new ProtocolEndpoint(ChannelProtocol.Wss, new Uri("wss://m.example")) }, "rid", fromCache: false));
            },
            CancellationToken.None,
            CancellationToken.None);
}
