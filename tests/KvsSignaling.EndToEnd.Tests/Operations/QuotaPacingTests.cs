using System.Collections.Concurrent;
using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>
/// With kvs-local enforcing the service's 300 TPS quota, a paced client offered a larger burst finishes without an
/// error. Pacing alone does not promise zero throttles: the pacer's one-second burst leaves at once, and when the
/// first requests are slowed (hundreds of connections opening) they reach the service bunched with later ones, so
/// an occasional ClientLimitExceededException is retried; every attempt is still counted on both sides.
/// </summary>
public sealed class QuotaPacingTests
{
    [Fact]
    public async Task A_burst_above_300_TPS_with_pacing_finishes_without_a_single_throttle()
    {
        const int Burst = 600;
        await using var server = await LocalClients.StartServerAsync(quotas: true);
        using var setup = LocalClients.Create(server);
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        using var paced = LocalClients.Create(server, o =>
        {
            o.MaxRequestsPerSecond = 250;
            o.RequestTrace = traces.Enqueue;
        });
        using var guard = HangGuard.Start();
        var arns = new List<ChannelArn>();
        for (var i = 0; i < 10; i++)
        {
            arns.Add(await setup.CreateSignalingChannelAsync(Channels.UniqueName("quota"), cancellationToken: guard.Token));
        }

        // All requests are offered at once; only the client's pacing keeps them under the quota.
        var results = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i =>
            paced.GetSignalingChannelEndpointAsync(arns[i % arns.Count], i % 2 == 0 ? ChannelRole.Master : ChannelRole.Viewer, cancellationToken: guard.Token)));

        Assert.Equal(Burst, results.Length);
        Assert.All(results, r => Assert.NotNull(r.Wss));
        Assert.Equal(Burst, traces.Count(t => t.StatusCode == 200));
        Assert.Equal(traces.Count, server.Admin.GetRequestCount("GetSignalingChannelEndpoint"));
        Assert.All(traces.Where(t => t.StatusCode != 200), t => Assert.Equal("ClientLimitExceededException", t.ErrorCode));
    }
}
