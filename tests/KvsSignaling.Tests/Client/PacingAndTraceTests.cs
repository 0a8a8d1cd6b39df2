using System.Collections.Concurrent;
using KvsSignaling.Tests.Infrastructure;
using KvsSignaling.Transport;

namespace KvsSignaling.Tests.Client;

/// <summary>Client-side pacing and the per-attempt trace.</summary>
public sealed class PacingAndTraceTests
{
    [Fact]
    public async Task The_token_bucket_lets_a_burst_through_then_makes_the_next_caller_wait()
    {
        var bucket = new TokenBucket(ratePerSecond: 0.001);
        using var cancellation = new CancellationTokenSource();

        var first = bucket.WaitAsync(cancellation.Token);
        var second = bucket.WaitAsync(cancellation.Token);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Fact]
    public async Task Pacing_is_per_operation()
    {
        var pacer = new OperationPacer(0.001);
        using var cancellation = new CancellationTokenSource();

        Assert.True(pacer.WaitAsync("GetSignalingChannelEndpoint", cancellation.Token).IsCompletedSuccessfully);
        Assert.True(pacer.WaitAsync("DescribeSignalingChannel", cancellation.Token).IsCompletedSuccessfully);
        var waiting = pacer.WaitAsync("GetSignalingChannelEndpoint", cancellation.Token);
        Assert.False(waiting.IsCompleted);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.True(new OperationPacer(null).WaitAsync("GetSignalingChannelEndpoint", CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_paced_client_holds_back_a_request_beyond_its_rate()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.MaxRequestsPerSecond = 0.001);
        using var cancellation = new CancellationTokenSource();

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var held = client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, cancellationToken: cancellation.Token);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task The_trace_reports_each_attempt()
    {
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        await using var server = new LoopbackServer((_, number) => number == 1
            ? Reply.ServiceError(400, "ClientLimitExceededException", "quota", "rid-a")
            : Reply.Json("{\"ChannelInfoList\":[]}", requestId: "rid-b"));
        using var client = TestClients.Create(server, o => o.RequestTrace = traces.Enqueue);

        await foreach (var channel in client.ListSignalingChannelsAsync())
        {
            Assert.Fail("no channels expected, got " + channel);
        }

        var all = traces.ToArray();
        Assert.Equal(2, all.Length);
        Assert.All(all, t => Assert.Equal("ListSignalingChannels", t.Operation));
        Assert.All(all, t => Assert.Equal(new Uri(server.Url, "/listSignalingChannels"), t.Endpoint));
        Assert.Equal((1, 400, "rid-a", "ClientLimitExceededException", true), (all[0].Attempt, all[0].StatusCode, all[0].RequestId, all[0].ErrorCode, all[0].WillRetry));
        Assert.Equal((2, 200, "rid-b", (string?)null, false), (all[1].Attempt, all[1].StatusCode, all[1].RequestId, all[1].ErrorCode, all[1].WillRetry));
        Assert.All(all, t => Assert.True(t.Elapsed >= TimeSpan.Zero));
        Assert.Contains("ListSignalingChannels attempt 1", all[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_trace_callback_does_not_change_the_outcome()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.RequestTrace = _ => throw new InvalidOperationException("logger broke"));

        var result = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        Assert.Equal(new Uri("wss://m.example"), result.Wss);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Bad_options_are_rejected_by_name(int maxAttempts)
    {
        var error = Assert.Throws<ArgumentException>(() => new KvsSignalingClient(new KvsSignalingClientOptions { MaxAttempts = maxAttempts, Region = "us-west-2", EnvironmentVariable = _ => null }));
        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new KvsSignalingClient(new KvsSignalingClientOptions { MaxRequestsPerSecond = -1, Region = "us-west-2", EnvironmentVariable = _ => null }));
        Assert.Throws<ArgumentException>(() => new KvsSignalingClient(new KvsSignalingClientOptions { EndpointCacheTtl = TimeSpan.Zero, Region = "us-west-2", EnvironmentVariable = _ => null }));
        Assert.Throws<ArgumentException>(() => new KvsSignalingClient(new KvsSignalingClientOptions { AttemptTimeout = TimeSpan.Zero, Region = "us-west-2", EnvironmentVariable = _ => null }));
    }

    [Fact]
    public async Task A_disposed_client_refuses_calls()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Json("{}"));
        var client = TestClients.Create(server);
        client.Dispose();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
    }
}
