namespace KvsSignaling.Caching;

/// <summary>
/// Remembers <c>GetSignalingChannelEndpoint</c> answers for a time. Identical concurrent lookups share one request
/// (single flight); that request runs on the client's lifetime, so one waiter's cancellation never cancels the
/// others. Bounded: when full, expired entries go first, then the one closest to expiry.
/// </summary>
internal sealed class EndpointCache
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<SignalingChannelEndpoints>> _inFlight = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl;
    private readonly int _maxEntries;
    private readonly Func<TimeSpan> _now;
    private long _generation;

    public EndpointCache(TimeSpan ttl, int maxEntries, Func<TimeSpan> now)
    {
        _ttl = ttl;
        _maxEntries = maxEntries;
        _now = now;
    }

    public static string KeyOf(Uri endpoint, ChannelArn channelArn, ChannelRole role, IEnumerable<ChannelProtocol> protocols) =>
        endpoint.AbsoluteUri + "\n" + channelArn.Value + "\n" + role.Value + "\n"
        + string.Join(",", protocols.Select(p => p.Value).OrderBy(p => p, StringComparer.Ordinal));

    public async Task<SignalingChannelEndpoints> GetOrFetchAsync(
        string key,
        bool bypass,
        Func<CancellationToken, Task<SignalingChannelEndpoints>> fetch,
        CancellationToken callerToken,
        CancellationToken lifetimeToken)
    {
        Task<SignalingChannelEndpoints>? shared;
        TaskCompletionSource<SignalingChannelEndpoints>? owner = null;
        long generation;
        lock (_lock)
        {
            generation = _generation;
            if (!bypass && _entries.TryGetValue(key, out var entry))
            {
                if (entry.ExpiresAt > _now())
                {
                    KvsTelemetry.EndpointCacheHits.Add(1);
                    return entry.Value.AsCached();
                }

                _entries.Remove(key);
            }

            if (!bypass)
            {
                // A bypass is the caller's choice, not a miss.
                KvsTelemetry.EndpointCacheMisses.Add(1);
            }

            if (bypass || !_inFlight.TryGetValue(key, out shared))
            {
                owner = new TaskCompletionSource<SignalingChannelEndpoints>(TaskCreationOptions.RunContinuationsAsynchronously);
                shared = owner.Task;
                if (!bypass)
                {
                    _inFlight[key] = shared;
                }
            }
        }

        if (owner is not null)
        {
            _ = RunAsync(key, bypass, generation, fetch, owner, lifetimeToken);
        }

        return await CancellableWait.WaitAsync(shared, callerToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops every answer for a channel. The client decides when (the channel was deleted, or a call about it answered
    /// not found); the cache itself never judges an answer.
    /// </summary>
    public void Invalidate(ChannelArn channelArn)
    {
        lock (_lock)
        {
            _generation++;
            foreach (var key in _entries.Where(e => e.Value.ChannelArn == channelArn).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    private async Task RunAsync(
        string key,
        bool bypass,
        long generation,
        Func<CancellationToken, Task<SignalingChannelEndpoints>> fetch,
        TaskCompletionSource<SignalingChannelEndpoints> owner,
        CancellationToken lifetimeToken)
    {
        try
        {
            var value = await fetch(lifetimeToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (!bypass)
                {
                    _inFlight.Remove(key);
                }

                // An invalidation that happened while the request was in flight wins over its answer.
                if (generation == _generation)
                {
                    Store(key, value);
                }
            }

            owner.TrySetResult(value);
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                if (!bypass)
                {
                    _inFlight.Remove(key);
                }
            }

            if (e is OperationCanceledException)
            {
                owner.TrySetCanceled();
            }
            else
            {
                owner.TrySetException(e);

                // Every waiter may have given up already; reading Exception marks the failure observed, so it never
                // resurfaces as an unobserved task exception. Waiters still awaiting get it as usual.
                _ = owner.Task.Exception;
            }
        }
    }

    private void Store(string key, SignalingChannelEndpoints value)
    {
        var now = _now();
        if (!_entries.ContainsKey(key) && _entries.Count >= _maxEntries)
        {
            foreach (var expired in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
            {
                _entries.Remove(expired);
            }

            if (_entries.Count >= _maxEntries)
            {
                _entries.Remove(_entries.OrderBy(e => e.Value.ExpiresAt).First().Key);
            }
        }

        _entries[key] = new Entry(value, now + _ttl);
    }

    private sealed class Entry
    {
        public Entry(SignalingChannelEndpoints value, TimeSpan expiresAt)
        {
            Value = value;
            ExpiresAt = expiresAt;
        }

        public SignalingChannelEndpoints Value { get; }

        public ChannelArn ChannelArn => Value.ChannelArn;

        public TimeSpan ExpiresAt { get; }
    }
}
