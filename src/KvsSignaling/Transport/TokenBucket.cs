using System.Diagnostics;

namespace KvsSignaling.Transport;

/// <summary>
/// A token bucket that paces one operation to a rate. Its burst is a twentieth of a second's worth of
/// requests: a full second's burst on top of the steady rate would send up to twice the rate in the first
/// second and meet the service's per-second quota with throttling. Each caller reserves a token (the count
/// may go negative) and waits until its reservation is due, so waiters are served in order.
/// </summary>
internal sealed class TokenBucket
{
    private readonly object _lock = new();
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double ratePerSecond)
    {
        _ratePerSecond = ratePerSecond;
        _capacity = Math.Max(1, ratePerSecond / 20);
        _tokens = _capacity;
        _lastRefill = Stopwatch.GetTimestamp();
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + ((now - _lastRefill) / (double)Stopwatch.Frequency * _ratePerSecond));
            _lastRefill = now;
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _ratePerSecond);
        }

        return wait == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, cancellationToken);
    }
}
