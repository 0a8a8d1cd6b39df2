using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>
/// A channel deleted and re-created behind a caching client's back: the stale endpoints must not be served once the
/// service says ResourceNotFound, and the re-created channel's new ARN and endpoints come back.
/// </summary>
public sealed class EndpointCacheInvalidationTests
{
    private const string Operation = "GetSignalingChannelEndpoint";

    [Fact]
    public async Task ResourceNotFound_for_an_endpoint_lookup_drops_the_entry_and_the_recreated_channel_is_fetched_fresh()
    {
        var clock = new SteppableClock();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { QuotasEnabled = false, TimeProvider = clock });
        using var caching = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var other = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var name = Channels.UniqueName("cache");
        var oldArn = await other.CreateSignalingChannelAsync(name, cancellationToken: guard.Token);

        var first = await caching.GetSignalingChannelEndpointAsync(oldArn, ChannelRole.Viewer, cancellationToken: guard.Token);
        var cached = await caching.GetSignalingChannelEndpointAsync(oldArn, ChannelRole.Viewer, cancellationToken: guard.Token);
        Assert.False(first.FromCache);
        Assert.True(cached.FromCache);
        Assert.Equal(first.Wss, cached.Wss);
        Assert.Equal(1, server.Admin.GetRequestCount(Operation));

        await other.DeleteSignalingChannelAsync(oldArn, cancellationToken: guard.Token);
        clock.Advance(TimeSpan.FromSeconds(1));
        var newArn = await other.CreateSignalingChannelAsync(name, cancellationToken: guard.Token);
        Assert.NotEqual(oldArn, newArn);

        // The cache cannot know yet; a bypassing lookup learns that the channel is gone.
        var gone = await Assert.ThrowsAsync<KvsServiceException>(() =>
            caching.GetSignalingChannelEndpointAsync(oldArn, ChannelRole.Viewer, options: new GetEndpointOptions { BypassCache = true }, cancellationToken: guard.Token));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
        Assert.Equal(2, server.Admin.GetRequestCount(Operation));

        // The stale answer is not served again: the plain lookup goes to the service and fails the same way.
        var stillGone = await Assert.ThrowsAsync<KvsServiceException>(() =>
            caching.GetSignalingChannelEndpointAsync(oldArn, ChannelRole.Viewer, cancellationToken: guard.Token));
        Assert.Equal("ResourceNotFoundException", stillGone.ErrorCode);
        Assert.Equal(3, server.Admin.GetRequestCount(Operation));

        var fresh = await caching.GetSignalingChannelEndpointAsync(newArn, ChannelRole.Viewer, cancellationToken: guard.Token);
        Assert.False(fresh.FromCache);
        Assert.Equal(newArn, fresh.ChannelArn);
        Assert.NotEqual(first.Wss, fresh.Wss);
        Assert.NotEqual(first.Https, fresh.Https);
        Assert.Equal(newArn, (await caching.DescribeSignalingChannelByNameAsync(name, guard.Token)).ChannelARN);
        Assert.True((await caching.GetSignalingChannelEndpointAsync(newArn, ChannelRole.Viewer, cancellationToken: guard.Token)).FromCache);
        Assert.Equal(4, server.Admin.GetRequestCount(Operation));
    }

    [Fact]
    public async Task ResourceNotFound_from_describe_also_drops_the_channels_entries_for_every_role()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var caching = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var other = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await other.CreateSignalingChannelAsync(Channels.UniqueName("cache2"), cancellationToken: guard.Token);
        await caching.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token);
        await caching.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, new[] { ChannelProtocol.Wss }, cancellationToken: guard.Token);
        Assert.True((await caching.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token)).FromCache);

        await other.DeleteSignalingChannelAsync(arn, cancellationToken: guard.Token);
        var gone = await Assert.ThrowsAsync<KvsServiceException>(() => caching.DescribeSignalingChannelAsync(arn, guard.Token));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);

        var before = server.Admin.GetRequestCount(Operation);
        await Assert.ThrowsAsync<KvsServiceException>(() => caching.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token));
        await Assert.ThrowsAsync<KvsServiceException>(() => caching.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, new[] { ChannelProtocol.Wss }, cancellationToken: guard.Token));
        Assert.Equal(2, server.Admin.GetRequestCount(Operation) - before);
    }

    [Fact]
    public async Task Deleting_through_the_caching_client_drops_its_entries_at_once()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("cache3"), cancellationToken: guard.Token);
        await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token);

        await client.DeleteSignalingChannelAsync(arn, cancellationToken: guard.Token);

        var gone = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
        Assert.Equal(2, server.Admin.GetRequestCount(Operation));
    }
}
