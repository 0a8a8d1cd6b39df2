using System.Management.Automation;
using System.Runtime.CompilerServices;
using KvsSignaling.Caching;

namespace KvsSignaling.PowerShell.Clients;

/// <summary>
/// The session's ready answers for repeated endpoint lookups: for one client and one lookup shape (roles and
/// protocols), the output objects of the core cache's entries, keyed by the ARN exactly as it was piped in. A hit
/// is answered on the pipeline thread without parsing the ARN, building a cache key or starting a task, and writes
/// the object made once for that cache entry. An answer is only used while the core cache still holds its entry,
/// so expiry, -Force refreshes, deletes and invalidations behave as in the core.
/// </summary>
internal sealed class EndpointHitMemo
{
    private static readonly ConditionalWeakTable<KvsSignalingClient, Dictionary<string, EndpointHitMemo>> ByClient = new();

    private readonly object gate = new();
    private readonly Dictionary<string, EndpointHit[]> hits = new(StringComparer.Ordinal);
    private readonly EndpointCache cache;
    private readonly int limit;

    private EndpointHitMemo(EndpointCache cache, int limit)
    {
        this.cache = cache;
        this.limit = limit;
    }

    /// <summary>The memo of a client for a lookup shape; null when the client keeps no endpoint cache.</summary>
    public static EndpointHitMemo? For(KvsSignalingClient client, string shape)
    {
        if (client.EndpointCache is not { } cache)
        {
            return null;
        }

        var shapes = ByClient.GetValue(client, _ => new Dictionary<string, EndpointHitMemo>(StringComparer.Ordinal));
        lock (shapes)
        {
            if (!shapes.TryGetValue(shape, out var memo))
            {
                // As many inputs as the cache has room for answers; past that the memo starts again (amortised O(1)).
                memo = new EndpointHitMemo(cache, 20_000);
                shapes[shape] = memo;
            }

            return memo;
        }
    }

    /// <summary>The ready answers for an input, one per role in order, while the cache still holds every one of them.</summary>
    public EndpointHit[]? Find(string input)
    {
        EndpointHit[]? found;
        lock (gate)
        {
            if (!hits.TryGetValue(input, out found))
            {
                return null;
            }
        }

        foreach (var hit in found)
        {
            if (!cache.IsLive(hit.Entry))
            {
                lock (gate)
                {
                    hits.Remove(input);
                }

                return null;
            }
        }

        return found;
    }

    /// <summary>Makes the ready answer of a lookup the cache now holds; null when it does not (cache off, or already replaced).</summary>
    public EndpointHit? Prepare(KvsSignalingClient client, ChannelArn arn, ChannelRole role, string protocolsKey)
    {
        var entry = cache.Find(client.EndpointCacheKey(arn, role, protocolsKey));
        return entry is null
            ? null
            : new EndpointHit(entry, new Output.SignalingChannelEndpoint(entry.Cached).ToPSObject());
    }

    /// <summary>Keeps the ready answers of an input.</summary>
    public void Remember(string input, EndpointHit[] answers)
    {
        lock (gate)
        {
            if (hits.Count >= limit && !hits.ContainsKey(input))
            {
                hits.Clear();
            }

            hits[input] = answers;
        }
    }
}

/// <summary>One ready answer: the cache entry it stands for and the object written for it.</summary>
internal sealed class EndpointHit
{
    public EndpointHit(EndpointCache.Entry entry, PSObject output)
    {
        Entry = entry;
        Output = output;
    }

    public EndpointCache.Entry Entry { get; }

    public PSObject Output { get; }

    /// <summary>The -Verbose line of a hit; made only when asked for, so a full memo holds no text per entry.</summary>
    public string VerboseText => $"GetSignalingChannelEndpoint {Entry.Cached.ChannelArn} {Entry.Cached.Role}: from the session's cache (-Force asks the service).";
}
