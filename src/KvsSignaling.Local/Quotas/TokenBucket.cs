namespace KvsSignaling.Local.Quotas;

/// <summary>A token bucket holding at most one second of requests and refilled continuously at the quota's rate.</summary>
internal sealed class TokenBucket(int tokensPerSecond, TimeProvider time)
{
    private readonly object _lock = new();
    private double _tokens = tokensPerSecond;
    private long _lastRefill = time.GetTimestamp();

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(tokensPerSecond, _tokens + (time.GetElapsedTime(_lastRefill, now).TotalSeconds * tokensPerSecond));
            _lastRefill = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
