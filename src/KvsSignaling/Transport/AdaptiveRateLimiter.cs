using System.Diagnostics;

namespace KvsSignaling.Transport;

/// <summary>
/// The AWS SDKs' adaptive retry rate: off until the first throttling answer, then a token bucket whose rate is cut
/// to 70% of the measured send rate at each throttle and grows back along a cubic curve (CUBIC, as TCP does) while
/// answers succeed, never above twice the measured rate. One per operation, since quotas are per operation.
/// </summary>
internal sealed class AdaptiveRateLimiter
{
    private const double Beta = 0.7;
    private const double ScaleConstant = 0.4;
    private const double Smoothing = 0.8;
    private const double MinimumRate = 0.5;
    private const double BucketSeconds = 0.5;
    private const double MaxWaitSeconds = 0.05;

    private readonly object _lock = new();
    private readonly Func<double> _now;
    private bool _enabled;

    // The token bucket.
    private double _fillRate = MinimumRate;
    private double _capacity = 1;
    private double _tokens;
    private double _lastRefill;

    // The cubic curve.
    private double _maxRate = MinimumRate;
    private double _lastThrottle;
    private double _k;

    // The measured rate of answers.
    private double _measuredRate;
    private double _lastBucket;
    private int _countInBucket;
    private bool _measured;

    public AdaptiveRateLimiter(Func<double>? now = null)
    {
        _now = now ?? (() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency);
        var start = _now();
        _lastRefill = start;
        _lastThrottle = start;
        _lastBucket = Math.Floor(start / BucketSeconds) * BucketSeconds;
        _k = CubicK(_maxRate);
    }

    /// <summary>The current send rate in requests per second, or null while no throttle has been seen.</summary>
    public double? Rate
    {
        get
        {
            lock (_lock)
            {
                return _enabled ? _fillRate : null;
            }
        }
    }

    /// <summary>Waits for a token before an attempt is sent; free until the first throttle.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (!_enabled)
                {
                    return;
                }

                Refill();
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                // Wait for the next token at today's rate, but look again soon: the rate changes with every
                // answer, and a wait reserved at a low rate would outlast a recovery.
                wait = TimeSpan.FromSeconds(Math.Min((1 - _tokens) / _fillRate, MaxWaitSeconds));
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records an answer: a throttle cuts the rate, a success lets it grow.</summary>
    public void Record(bool throttled)
    {
        lock (_lock)
        {
            var now = _now();
            var measured = Measure(now);
            double rate;
            if (throttled)
            {
                var current = _enabled ? Math.Min(measured, _fillRate) : measured;
                _maxRate = Math.Max(current, MinimumRate);
                _k = CubicK(_maxRate);
                _lastThrottle = now;
                rate = current * Beta;
                _enabled = true;
            }
            else
            {
                var elapsed = now - _lastThrottle;
                rate = (ScaleConstant * Math.Pow(elapsed - _k, 3)) + _maxRate;
            }

            if (_enabled)
            {
                SetRate(Math.Min(rate, 2 * measured));
            }
        }
    }

    private static double CubicK(double maxRate) => Math.Pow(maxRate * (1 - Beta) / ScaleConstant, 1.0 / 3);

    private double Measure(double now)
    {
        var bucket = Math.Floor(now / BucketSeconds) * BucketSeconds;
        _countInBucket++;
        if (bucket > _lastBucket)
        {
            var current = _countInBucket / (bucket - _lastBucket);
            _measuredRate = (current * Smoothing) + (_measuredRate * (1 - Smoothing));
            _countInBucket = 0;
            _lastBucket = bucket;
            _measured = true;
        }

        // Until a first half-second has been measured, the answers so far stand for the rate. The SDKs use zero
        // there, which drops a client throttled in its first half-second to the minimum rate of 0.5 per second.
        return _measured ? _measuredRate : _countInBucket / Math.Max(now - _lastBucket, 0.05);
    }

    private void SetRate(double rate)
    {
        Refill();
        _fillRate = Math.Max(rate, MinimumRate);
        _capacity = Math.Max(rate, 1);
        _tokens = Math.Min(_tokens, _capacity);
    }

    private void Refill()
    {
        var now = _now();
        _tokens = Math.Min(_capacity, _tokens + ((now - _lastRefill) * _fillRate));
        _lastRefill = now;
    }
}
