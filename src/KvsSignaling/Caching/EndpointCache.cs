namespace KvsSignaling.Caching;

/// <summary>
/// Remembers <c>GetSignalingChannelEndpoint</c> answers for a time. Identical concurrent lookups share one request
/// (single flight); that request runs on the client's lifetime, so one waiter's cancellation never cancels the
/// others. Bounded: when full, expired entries go first, then the one closest to expiry.
/// </summary>
internal sealed class EndpointCache
{
    private readonly object _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);

    // Every entry lives for the same ttl, so the order of storing is the order of expiry: the first node is the one
    // closest to expiry (or expired). Eviction and expiry take it in O(1) instead of scanning or sorting the entries.
    private readonly LinkedList<Entry> _byExpiry = new();
    private readonly Dictionary<string, Task<ChannelEndpoints>> _inFlight = new(StringComparer.Ordinal);
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
        KeyOf(endpoint, channelArn, role, ProtocolsKey(protocols));

    /// <summary>The key with the protocol part worked out once (<see cref="ProtocolsKey"/>), for callers that ask about many channels.</summary>
    public static string KeyOf(Uri endpoint, ChannelArn channelArn, ChannelRole role, string protocolsKey) =>
        endpoint.AbsoluteUri + "\n" + channelArn.Value + "\n" + role.Value + "\n" + protocolsKey;

    /// <summary>The protocol set as the key holds it: the values sorted and comma-separated, so order never matters.</summary>
    public static string ProtocolsKey(IEnumerable<ChannelProtocol> protocols)
    {
        var values = new List<string>(3);
        foreach (var protocol in protocols)
        {
            values.Add(protocol.Value);
        }

        values.Sort(StringComparer.Ordinal);
        return string.Join(",", values);
    }

    /// <summary>
    /// The live entry for a key, without fetching: for a caller that keeps its own view of an answer and needs to know
    /// when the cache no longer holds it (<see cref="IsLive"/>).
    /// </summary>
    public Entry? Find(string key)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var node) && node.Value.ExpiresAt > _now() ? node.Value : null;
        }
    }

    /// <summary>True while the cache still answers with this entry: not expired, dropped, replaced or evicted. Takes no lock.</summary>
    public bool IsLive(Entry entry) => !entry.Dropped && entry.ExpiresAt > _now();

    public Task<ChannelEndpoints> GetOrFetchAsync(
        string key,
        bool bypass,
        Func<CancellationToken, Task<ChannelEndpoints>> fetch,
        CancellationToken callerToken,
        CancellationToken lifetimeToken)
    {
        if (bypass)
        {
            // Nothing waits on a bypassing request but its caller: no shared flight, no completion source.
            // A bypass is the caller's choice, neither a hit nor a miss.
            return FetchAndStoreAsync(key, fetch, callerToken);
        }

        Task<ChannelEndpoints>? shared;
        TaskCompletionSource<ChannelEndpoints>? owner = null;
        long generation;
        lock (_lock)
        {
            generation = _generation;
            if (_entries.TryGetValue(key, out var node))
            {
                if (node.Value.ExpiresAt > _now())
                {
                    KvsTelemetry.EndpointCacheHits.Add(1);
                    return Task.FromResult(node.Value.Cached);
                }

                Remove(key, node);
            }

            KvsTelemetry.EndpointCacheMisses.Add(1);
            if (!_inFlight.TryGetValue(key, out shared))
            {
                owner = new TaskCompletionSource<ChannelEndpoints>(TaskCreationOptions.RunContinuationsAsynchronously);
                shared = owner.Task;
                _inFlight[key] = shared;
            }
        }

        if (owner is not null)
        {
            _ = RunAsync(key, generation, fetch, owner, lifetimeToken);
        }

        return shared.IsCompleted ? shared : CancellableWait.WaitAsync(shared, callerToken);
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
            for (var node = _byExpiry.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.ChannelArn == channelArn)
                {
                    Remove(node.Value.Key, node);
                }

                node = next;
            }
        }
    }

    private async Task<ChannelEndpoints> FetchAndStoreAsync(
        string key,
        Func<CancellationToken, Task<ChannelEndpoints>> fetch,
        CancellationToken callerToken)
    {
        long generation;
        lock (_lock)
        {
            generation = _generation;
        }

        var value = await fetch(callerToken).ConfigureAwait(false);

        lock (_lock)
        {
            // An invalidation that happened while the request was in flight wins over its answer.
            if (generation == _generation)
            {
                Store(key, value);
            }
        }

        return value;
    }

    private async Task RunAsync(
        string key,
        long generation,
        Func<CancellationToken, Task<ChannelEndpoints>> fetch,
        TaskCompletionSource<ChannelEndpoints> owner,
        CancellationToken lifetimeToken)
    {
        try
        {
            var value = await fetch(lifetimeToken).ConfigureAwait(false);
            lock (_lock)
            {
                _inFlight.Remove(key);

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
                _inFlight.Remove(key);
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

    private void Store(string key, ChannelEndpoints value)
    {
        var now = _now();
        if (_entries.TryGetValue(key, out var replaced))
        {
            Remove(key, replaced);
        }

        // Expired entries first, then the one closest to expiry; both sit at the front.
        while (_byExpiry.First is { } first && (first.Value.ExpiresAt <= now || _entries.Count >= _maxEntries))
        {
            Remove(first.Value.Key, first);
        }

        _entries[key] = _byExpiry.AddLast(new Entry(key, value, now + _ttl));
    }

    private void Remove(string key, LinkedListNode<Entry> node)
    {
        node.Value.Dropped = true;
        _entries.Remove(key);
        _byExpiry.Remove(node);
    }

    /// <summary>One kept answer. <see cref="Cached"/> is made once, so every hit hands out the same object.</summary>
    internal sealed class Entry
    {
        private volatile bool _dropped;

        public Entry(string key, ChannelEndpoints value, TimeSpan expiresAt)
        {
            Key = key;
            Cached = value.AsCached();
            ExpiresAt = expiresAt;
        }

        public string Key { get; }

        /// <summary>The answer as a hit returns it (<see cref="ChannelEndpoints.FromCache"/> set).</summary>
        public ChannelEndpoints Cached { get; }

        public ChannelArn ChannelArn => Cached.ChannelArn;

        public TimeSpan ExpiresAt { get; }

        /// <summary>Set once the cache no longer answers with this entry.</summary>
        public bool Dropped
        {
            get => _dropped;
            set => _dropped = value;
        }
    }
}
