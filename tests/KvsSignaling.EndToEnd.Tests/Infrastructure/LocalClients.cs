using Amazon.Runtime;
using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Infrastructure;

/// <summary>Clients pointed at a kvs-local server with its default credential and short backoff, so retries cost milliseconds.</summary>
internal static class LocalClients
{
    public const string Region = "us-west-2";

    public static KvsSignalingClientOptions Options(KvsLocalServer server, Action<KvsSignalingClientOptions>? configure = null)
    {
        var options = new KvsSignalingClientOptions
        {
            EndpointUrl = server.BaseUrl,
            Region = Region,
            Credentials = new BasicAWSCredentials(KvsLocalCredential.DefaultAccessKeyId, KvsLocalCredential.DefaultSecretAccessKey),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public static KvsSignalingClient Create(KvsLocalServer server, Action<KvsSignalingClientOptions>? configure = null) =>
        new(Options(server, configure));

    /// <summary>A server without rate quotas, for tests about behaviour rather than pacing.</summary>
    public static Task<KvsLocalServer> StartServerAsync(bool quotas = false) =>
        KvsLocalServer.StartAsync(new KvsLocalOptions { QuotasEnabled = quotas });
}
