namespace KvsSignaling.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The system clock plus an offset a test can move forward, so a channel re-created right after its deletion
/// gets a later creation time (and so a new ARN) without the test waiting for the clock.
/// </summary>
internal sealed class SteppableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
