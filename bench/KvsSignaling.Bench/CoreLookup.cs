namespace KvsSignaling.Bench;

/// <summary>The core library contender: one client, cache off, default retries, one role, WSS and HTTPS.</summary>
internal static class CoreLookup
{
    public static KvsSignalingClient CreateClient(Uri endpoint) => new(new KvsSignalingClientOptions
    {
        EndpointUrl = endpoint,
        Region = LocalCredentials.Region,
        Credentials = LocalCredentials.Create(),
        EnableEndpointCache = false,
    });
}
