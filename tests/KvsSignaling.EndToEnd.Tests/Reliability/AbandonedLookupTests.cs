using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Reliability;

/// <summary>
/// A cached lookup runs on the client's lifetime, so it goes on after every caller gave up. When it then fails,
/// its exception must still be observed: nothing may surface later as an unobserved task exception.
/// </summary>
public sealed class AbandonedLookupTests(KvsLocalFixture fixture) : IClassFixture<KvsLocalFixture>
{
    [Fact]
    public async Task A_shared_lookup_that_fails_after_its_only_caller_cancelled_leaves_no_unobserved_exception()
    {
        using var unobserved = new UnobservedTaskExceptions();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = LocalClients.Create(fixture.Server, o =>
        {
            o.EnableEndpointCache = true;
            o.RequestTrace = t => finished.TrySetResult();
        });
        using var guard = HangGuard.Start();
        ChannelArn missing = $"arn:aws:kinesisvideo:{LocalClients.Region}:123456789012:channel/{Channels.UniqueName("gone")}/1700000000000";
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSignalingChannelEndpointAsync(missing, ChannelRole.Viewer, cancellationToken: cancelled.Token));
        await finished.Task.WaitAsync(guard.Token);

        // The shared request fails with ResourceNotFound right after its trace; give its completion a bounded moment to land.
        for (var i = 0; i < 20 && unobserved.Count == 0; i++)
        {
            unobserved.Collect();
            await Task.Delay(50, guard.Token);
        }

        unobserved.AssertNone();
        var next = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(missing, ChannelRole.Viewer, cancellationToken: guard.Token));
        Assert.Equal("ResourceNotFoundException", next.ErrorCode);
    }
}
