namespace KvsSignaling.Bench;

/// <summary>
/// The core library contender: one client, cache off, default retries, one role, WSS and HTTPS; optionally paced
/// with <see cref="KvsSignalingClientOptions.MaxRequestsPerSecond"/> for the run at the service's quota.
/// </summary>
internal static class CoreLookup
{
    public static KvsSignalingClient CreateClient(Uri endpoint, int? maxRequestsPerSecond) => new(new KvsSignalingClientOptions
    {
        EndpointUrl = endpoint,
        Region = LocalCredentials.Region,
        Credentials = LocalCredentials.Create(),
        EnableEndpointCache = false,
        MaxRequestsPerSecond = maxRequestsPerSecond,
    });
}
