using System.Collections.Concurrent;

namespace KvsSignaling.PowerShell.Clients;

/// <summary>
/// One client per distinct configuration for the life of the PowerShell process, so the core's
/// endpoint cache makes a repeated lookup free and connections are reused across commands.
/// </summary>
internal static class ClientPool
{
    private static readonly ConcurrentDictionary<string, Lazy<KvsSignalingClient>> Clients = new(StringComparer.Ordinal);

    public static KvsSignalingClient Get(ClientSettings settings)
    {
        var entry = Clients.GetOrAdd(settings.Key, _ => new Lazy<KvsSignalingClient>(() => Create(settings)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A configuration that cannot build a client (no region, say) must not stay cached:
            // the user fixes the environment and tries again.
            Clients.TryRemove(settings.Key, out _);
            throw;
        }
    }

    /// <summary>
    /// Drops a channel's endpoints from every client of the session: after a delete, none may answer the old
    /// endpoints, whatever settings the lookups used.
    /// </summary>
    public static void ForgetChannel(ChannelArn channelArn)
    {
        foreach (var entry in Clients.Values)
        {
            if (entry.IsValueCreated)
            {
                entry.Value.InvalidateEndpointCache(channelArn);
            }
        }
    }

    private static KvsSignalingClient Create(ClientSettings settings) => new(new KvsSignalingClientOptions
    {
        Region = settings.Region,
        EndpointUrl = settings.EndpointUrl,
        ProfileName = settings.ProfileName,
        ProfilesLocation = settings.ProfileLocation,
        Credentials = settings.CreateCredentials(),
        MaxRequestsPerSecond = settings.MaxRequestsPerSecond,
        MaxAttempts = settings.MaxAttempts,
        AttemptTimeout = settings.AttemptTimeout ?? new KvsSignalingClientOptions().AttemptTimeout,

        // Admin sweeps would rather slow down to a quota than lose lookups to it (AWS_RETRY_MODE or a profile's
        // retry_mode still choose otherwise).
        FallbackRetryMode = RetryMode.Adaptive,
        EnableEndpointCache = true,

        // Room for both roles of an account's 10,000 channels, so a second sweep is answered from the cache.
        EndpointCacheMaxEntries = 20_000,
        RequestTrace = TraceRoute.Dispatch,
    });
}
