using Amazon.Runtime;

namespace KvsSignaling;

/// <summary>Settings of a <see cref="KvsSignalingClient"/>. Read once, when the client is created.</summary>
public sealed class KvsSignalingClientOptions
{
    /// <summary>The default <see cref="EndpointCacheTtl"/>: five minutes.</summary>
    public static readonly TimeSpan DefaultEndpointCacheTtl = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The region, for example <c>us-west-2</c>. When null: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>,
    /// then the <c>region</c> of the profile in the shared config files.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// An explicit control-plane URL (for example <c>http://127.0.0.1:4566</c>). When null:
    /// <c>AWS_ENDPOINT_URL_KINESIS_VIDEO</c>, then <c>AWS_ENDPOINT_URL</c>, then the region's endpoint from the endpoint rules.
    /// </summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>Use the FIPS endpoint of the region. Not allowed together with a custom endpoint.</summary>
    public bool UseFips { get; set; }

    /// <summary>Use the dual-stack (IPv4 and IPv6) endpoint of the region. Not allowed together with a custom endpoint.</summary>
    public bool UseDualStack { get; set; }

    /// <summary>A named profile of the shared credentials/config files, used for credentials and, when no region is set, for the region.</summary>
    public string? ProfileName { get; set; }

    /// <summary>
    /// Explicit credentials (for example <see cref="BasicAWSCredentials"/> or <see cref="SessionAWSCredentials"/>).
    /// When null: <see cref="ProfileName"/>, else the SDK's default credential chain.
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Attempts per call, including the first; 1..10, default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The time one HTTP attempt may take, from sending to the last byte of the body; default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry waits up to this long (full jitter); each further retry doubles it, up to <see cref="RetryMaxDelay"/>. Default 100 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The cap of the backoff between attempts; default 20 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Cache <see cref="KvsSignalingClient.GetSignalingChannelEndpointAsync"/> answers in this client; off by default.</summary>
    public bool EnableEndpointCache { get; set; }

    /// <summary>How long a cached endpoint answer is reused; default <see cref="DefaultEndpointCacheTtl"/> (5 minutes).</summary>
    public TimeSpan EndpointCacheTtl { get; set; } = DefaultEndpointCacheTtl;

    /// <summary>The most endpoint answers kept; the oldest is dropped first. Default 1000.</summary>
    public int EndpointCacheMaxEntries { get; set; } = 1000;

    /// <summary>
    /// Client-side pacing: the most requests per second this client sends for each operation (a token bucket
    /// with a burst of a twentieth of a second's worth). Null (the default) sends without pacing. Use it to stay under the service quotas
    /// (300 TPS per account for GetSignalingChannelEndpoint) instead of being throttled.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>The largest response body accepted, in bytes; default 1 MiB.</summary>
    public int MaxResponseBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Called after every HTTP attempt, for verbose logging. Never carries credentials or signatures.</summary>
    public Action<KvsRequestTrace>? RequestTrace { get; set; }

    /// <summary>Reads environment variables; replaced in tests so they need not change the process environment.</summary>
    internal Func<string, string?> EnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>The shared credentials file to read profiles from; null for the SDK's default locations. Set by tests.</summary>
    internal string? ProfilesLocation { get; set; }
}
