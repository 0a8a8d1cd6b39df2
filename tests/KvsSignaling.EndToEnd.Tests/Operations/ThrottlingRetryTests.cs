using System.Collections.Concurrent;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>Injected ClientLimitExceededException (HTTP 400) is retried; kvs-local's counter sees every attempt.</summary>
public sealed class ThrottlingRetryTests(KvsLocalFixture fixture) : IClassFixture<KvsLocalFixture>
{
    public static TheoryData<string> Operations() => new() { "GetSignalingChannelEndpoint", "DescribeSignalingChannel", "ListSignalingChannels", "UpdateSignalingChannel", "CreateSignalingChannel", "DeleteSignalingChannel" };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Two_throttled_attempts_then_success_and_the_server_counted_three(string operation)
    {
        await using var server = await LocalClients.StartServerAsync();
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        using var client = LocalClients.Create(server, o => o.RequestTrace = traces.Enqueue);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("thr"), cancellationToken: guard.Token);
        var version = (await client.DescribeSignalingChannelAsync(arn, guard.Token)).Version;
        var before = server.Admin.GetRequestCount(operation);
        while (traces.TryDequeue(out _))
        {
        }

        server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = operation, Count = 2 });
        await Run(client, operation, arn, version, guard.Token);

        Assert.Equal(3, server.Admin.GetRequestCount(operation) - before);
        var attempts = traces.Where(t => t.Operation == operation).ToList();
        Assert.Equal(new[] { 1, 2, 3 }, attempts.Select(t => t.Attempt));
        Assert.Equal(new[] { "ClientLimitExceededException", "ClientLimitExceededException", null }, attempts.Select(t => t.ErrorCode));
        Assert.Equal(new int?[] { 400, 400, 200 }, attempts.Select(t => t.StatusCode));
        Assert.Equal(new[] { true, true, false }, attempts.Select(t => t.WillRetry));
        Assert.Empty(server.Admin.Faults);
    }

    [Fact]
    public async Task A_seeded_burst_of_throttling_over_many_calls_is_absorbed_and_every_attempt_is_counted()
    {
        var server = fixture.Server;
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        using var client = LocalClients.Create(server, o =>
        {
            o.MaxAttempts = 10;
            o.RequestTrace = traces.Enqueue;
        });
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("burst"), cancellationToken: guard.Token);
        var operation = "GetSignalingChannelEndpoint";
        var fault = server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = operation, Rate = 0.5 });
        var before = server.Admin.GetRequestCount(operation);
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var result = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token);
                Assert.NotNull(result.Wss);
            }
        }
        finally
        {
            server.Admin.ClearFaults();
        }

        var sent = traces.Where(t => t.Operation == operation).ToList();
        Assert.Equal(sent.Count, server.Admin.GetRequestCount(operation) - before);
        Assert.Equal(40, sent.Count(t => t.StatusCode == 200));
        Assert.True(sent.Count(t => t.ErrorCode == "ClientLimitExceededException") >= 5, $"{fault.Id}: the 50% fault hit too rarely to test anything");
    }

    private static async Task Run(KvsSignalingClient client, string operation, ChannelArn arn, string version, CancellationToken token)
    {
        switch (operation)
        {
            case "GetSignalingChannelEndpoint":
                Assert.NotNull((await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: token)).Wss);
                break;
            case "DescribeSignalingChannel":
                Assert.Equal(arn, (await client.DescribeSignalingChannelAsync(arn, token)).ChannelARN);
                break;
            case "ListSignalingChannels":
                var names = new List<string>();
                await foreach (var channel in client.ListSignalingChannelsAsync(arn.ChannelName, token))
                {
                    names.Add(channel.ChannelName);
                }

                Assert.Equal(new[] { arn.ChannelName }, names);
                break;
            case "UpdateSignalingChannel":
                await client.UpdateSignalingChannelAsync(arn, version, 33, token);
                Assert.Equal(33, (await client.DescribeSignalingChannelAsync(arn, token)).MessageTtlSeconds);
                break;
            case "CreateSignalingChannel":
                var created = await client.CreateSignalingChannelAsync(Channels.UniqueName("thr2"), cancellationToken: token);
                Assert.Equal(created, (await client.DescribeSignalingChannelAsync(created, token)).ChannelARN);
                break;
            case "DeleteSignalingChannel":
                await client.DeleteSignalingChannelAsync(arn, version, token);
                var gone = await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(arn, token));
                Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "No call for this operation.");
        }
    }
}
