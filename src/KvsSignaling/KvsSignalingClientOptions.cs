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

    /// <summary>
    /// Attempts per call, including the first; 1..50. When null: <c>AWS_MAX_ATTEMPTS</c>, then <c>max_attempts</c>
    /// of the profile, then 3.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// How calls are retried. When null: <c>AWS_RETRY_MODE</c> (<c>standard</c>, <c>adaptive</c>; <c>legacy</c> counts as
    /// standard), then <c>retry_mode</c> of the profile, then <see cref="FallbackRetryMode"/>.
    /// </summary>
    public RetryMode? RetryMode { get; set; }

    /// <summary>
    /// The mode used when neither <see cref="RetryMode"/>, <c>AWS_RETRY_MODE</c> nor the profile's <c>retry_mode</c>
    /// chooses one; default <see cref="KvsSignaling.RetryMode.Standard"/>, as in the AWS SDKs. Batch tools that would
    /// rather slow down than lose calls to a quota set <see cref="KvsSignaling.RetryMode.Adaptive"/>.
    /// </summary>
    public RetryMode FallbackRetryMode { get; set; } = KvsSignaling.RetryMode.Standard;

    /// <summary>
    /// In <see cref="KvsSignaling.RetryMode.Adaptive"/> mode, how long one call may keep retrying throttling answers
    /// (waiting for the adapted send rate) before it fails; default one minute.
    /// </summary>
    public TimeSpan ThrottlingRetryLimit { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The time one HTTP attempt may take, from sending to the last byte of the body; default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After this many consecutive attempts without an answer (connection failures, timeouts) the endpoint is taken
    /// for dead: calls fail at once with <see cref="KvsTransportException"/> for <see cref="CircuitBreakerDuration"/>,
    /// then one call tries it again. Default 5; 0 turns the circuit breaker off.
    /// </summary>
    public int CircuitBreakerThreshold { get; set; } = 5;

    /// <summary>How long calls fail at once after <see cref="CircuitBreakerThreshold"/> was reached; default 5 seconds.</summary>
    public TimeSpan CircuitBreakerDuration { get; set; } = TimeSpan.FromSeconds(5);

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

    /// <summary>
    /// Supplies the HTTP handler requests are sent through, instead of the client's own pooled handler: for example
    /// <c>() =&gt; httpMessageHandlerFactory.CreateHandler("KvsSignaling")</c> with <c>IHttpClientFactory</c>, which
    /// <c>AddKvsSignaling</c> (package KvsSignaling.Extensions.DependencyInjection) sets up. Called for every attempt, so
    /// that a factory's rotation of handlers takes effect; the client never disposes what it returns (its supplier owns
    /// it). The handler should follow no redirects and keep no cookies, as the client's own does not. Null (the default):
    /// the client's own handler.
    /// </summary>
    public Func<HttpMessageHandler>? HttpMessageHandlerFactory { get; set; }

    /// <summary>Reads environment variables; replaced in tests so they need not change the process environment.</summary>
    internal Func<string, string?> EnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// A credentials file to read profiles from instead of the default shared files (<c>AWS_SHARED_CREDENTIALS_FILE</c>,
    /// <c>~/.aws/credentials</c> and <c>~/.aws/config</c>); null for the defaults.
    /// </summary>
    public string? ProfilesLocation { get; set; }

    /// <summary>
    /// The environment variables a client reads, itself or through the AWS SDK, when it is created or first needs
    /// credentials. Two clients created with the same options and the same values of these behave the same.
    /// </summary>
    public static IReadOnlyList<string> EnvironmentVariableNames { get; } = new[]
    {
        // Region, endpoint, retries: read by the client.
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL_KINESIS_VIDEO", "AWS_ENDPOINT_URL",
        "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",

        // Credentials: read by the AWS SDK's default chain and profile store.
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_SSO", "AWS_EC2_METADATA_DISABLED",
    };
}
