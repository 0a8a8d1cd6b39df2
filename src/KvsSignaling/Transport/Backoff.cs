namespace KvsSignaling.Transport;

/// <summary>Capped exponential backoff with full jitter: a uniform delay in [0, min(cap, base * 2^(retry-1))].</summary>
internal sealed class Backoff
{
    private static readonly object RandomLock = new();
    private static readonly Random Random = new();
    private readonly TimeSpan _base;
    private readonly TimeSpan _cap;

    public Backoff(TimeSpan baseDelay, TimeSpan cap)
    {
        _base = baseDelay;
        _cap = cap;
    }

    public TimeSpan DelayBeforeRetry(int retry)
    {
        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(_cap.TotalMilliseconds, _base.TotalMilliseconds * Math.Pow(2, exponent));
        double fraction;
        lock (RandomLock)
        {
            fraction = Random.NextDouble();
        }

        return TimeSpan.FromMilliseconds(ceiling * fraction);
    }
}
