using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>The optional endpoint cache on a real server: hits, keys, single flight, cancellation and invalidation.</summary>
public sealed class EndpointCacheTests
{
    [Fact]
    public async Task Identical_lookups_are_answered_from_the_cache()
    {
        await using var server = new LoopbackServer((_, number) => Reply.Json("{\"ResourceEndpointList\":[{\"Protocol\":\"WSS\",\"ResourceEndpoint\":\"wss://m.example\"},{\"Protocol\":\"HTTPS\",\"ResourceEndpoint\":\"https://r.example\"}]}", requestId: "rid-" + number));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        var first = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var second = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, "MASTER", new ChannelProtocol[] { "HTTPS", "WSS" });

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal("rid-1", second.RequestId);
        Assert.Equal(first.Endpoints, second.Endpoints);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Role_protocols_and_channel_are_part_of_the_key()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, new[] { ChannelProtocol.Wss });
        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer, new[] { ChannelProtocol.Wss });
        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, new[] { ChannelProtocol.Wss, ChannelProtocol.Https });
        await client.GetSignalingChannelEndpointAsync("arn:aws:kinesisvideo:us-west-2:123456789012:channel/other/1", ChannelRole.Master, new[] { ChannelProtocol.Wss });
        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer, new[] { ChannelProtocol.Wss });

        Assert.Equal(4, server.Count);
    }

    [Fact]
    public async Task Without_the_option_nothing_is_cached()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var second = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.False(second.FromCache);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task BypassCache_asks_the_service_and_refreshes_the_entry()
    {
        await using var server = new LoopbackServer((_, number) => Reply.Endpoints(("WSS", $"wss://m{number}.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var bypassed = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, options: new GetEndpointOptions { BypassCache = true });
        var cached = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.False(bypassed.FromCache);
        Assert.Equal(new Uri("wss://m2.example"), bypassed.Wss);
        Assert.True(cached.FromCache);
        Assert.Equal(new Uri("wss://m2.example"), cached.Wss);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task Concurrent_identical_lookups_share_one_request()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackServer(async (_, _) =>
        {
            await gate.Task;
            return Reply.Endpoints(("WSS", "wss://m.example"));
        });
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        var calls = Enumerable.Range(0, 8).Select(_ => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, server.Count);
        Assert.All(results, r => Assert.Equal(new Uri("wss://m.example"), r.Wss));
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_cancel_the_others()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackServer(async (_, _) =>
        {
            await gate.Task;
            return Reply.Endpoints(("WSS", "wss://m.example"));
        });
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);
        using var cancellation = new CancellationTokenSource();

        var cancelled = client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer, cancellationToken: cancellation.Token);
        var patient = client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        gate.SetResult();
        var result = await patient;

        Assert.Equal(new Uri("wss://m.example"), result.Wss);
        Assert.Equal(1, server.Count);
        Assert.True((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer)).FromCache);
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        await using var server = new LoopbackServer((_, number) => number == 1 ? Reply.ServiceError(400, "InvalidArgumentException", "no") : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        var result = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.False(result.FromCache);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task ResourceNotFound_for_the_channel_drops_its_entries()
    {
        var notFound = false;
        await using var server = new LoopbackServer((request, _) => Volatile.Read(ref notFound)
            ? Reply.ServiceError(404, "ResourceNotFoundException", "The requested channel is not found")
            : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer);
        Assert.True((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).FromCache);

        Volatile.Write(ref notFound, true);
        await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(TestClients.Arn));

        // Both roles were dropped: each lookup now reaches the service and gets the same answer.
        await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer));
        Assert.Equal(5, server.Count);
    }

    [Fact]
    public async Task A_bypassing_lookup_answered_ResourceNotFound_drops_the_entry()
    {
        var notFound = false;
        await using var server = new LoopbackServer((_, _) => Volatile.Read(ref notFound)
            ? Reply.ServiceError(404, "ResourceNotFoundException", "gone")
            : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        Volatile.Write(ref notFound, true);
        await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, options: new GetEndpointOptions { BypassCache = true }));
        await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Deleting_a_channel_or_invalidating_it_drops_its_entries()
    {
        await using var server = new LoopbackServer((request, _) => request.Target == "/deleteSignalingChannel" ? Reply.Json("{}") : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        await client.DeleteSignalingChannelAsync(TestClients.Arn);
        Assert.False((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).FromCache);
        client.InvalidateEndpointCache(TestClients.Arn);
        Assert.False((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).FromCache);
        Assert.True((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).FromCache);

        Assert.Equal(4, server.Count);
    }
}
