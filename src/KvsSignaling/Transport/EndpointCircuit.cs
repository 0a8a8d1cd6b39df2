using System.Diagnostics;

namespace KvsSignaling.Transport;

/// <summary>
/// Stops hammering an endpoint that does not answer: after a run of consecutive transport failures (connection
/// failures, timeouts) calls fail at once for a while instead of each waiting out its own timeouts; then one call
/// is let through to try again, and any answer from the endpoint closes the circuit.
/// </summary>
internal sealed class EndpointCircuit
{
    private readonly object _lock = new();
    private readonly int _threshold;
    private readonly TimeSpan _openFor;
    private readonly Func<TimeSpan> _now;
    private int _consecutiveFailures;
    private TimeSpan _openUntil;
    private bool _probing;
    private string? _lastFailure;

    public EndpointCircuit(int threshold, TimeSpan openFor, Func<TimeSpan>? now = null)
    {
        _threshold = threshold;
        _openFor = openFor;
        var clock = Stopwatch.StartNew();
        _now = now ?? (() => clock.Elapsed);
    }

    /// <summary>Null when an attempt may be sent; otherwise why not (the circuit is open).</summary>
    public string? Refusal()
    {
        if (_threshold <= 0)
        {
            return null;
        }

        lock (_lock)
        {
            if (_consecutiveFailures < _threshold)
            {
                return null;
            }

            var now = _now();
            if (now >= _openUntil && !_probing)
            {
                // Half open: this attempt tries the endpoint again; the others keep failing at once until it ends.
                _probing = true;
                return null;
            }

            var wait = _openUntil > now ? _openUntil - now : _openFor;
            return $"the last {_consecutiveFailures} attempts to this endpoint failed ({_lastFailure}), so calls fail at once for the next {wait.TotalSeconds:0.#} s";
        }
    }

    /// <summary>The endpoint answered (any HTTP status): it is alive.</summary>
    public void Answered()
    {
        if (_threshold <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _consecutiveFailures = 0;
            _probing = false;
        }
    }

    /// <summary>The caller gave up on an attempt: it says nothing about the endpoint, but frees the probe.</summary>
    public void Abandoned()
    {
        if (_threshold <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _probing = false;
        }
    }

    /// <summary>An attempt got no answer.</summary>
    public void Failed(string failure)
    {
        if (_threshold <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _consecutiveFailures++;
            _lastFailure = failure;
            _probing = false;
            if (_consecutiveFailures >= _threshold)
            {
                _openUntil = _now() + _openFor;
            }
        }
    }
}
