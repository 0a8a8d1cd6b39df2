namespace KvsSignaling;

/// <summary>How a client retries, as the AWS SDKs name the modes (<c>AWS_RETRY_MODE</c>, <c>retry_mode</c> in a profile).</summary>
public enum RetryMode
{
    /// <summary>
    /// Capped exponential backoff with full jitter for throttling, 5xx answers and transport failures, up to
    /// <see cref="KvsSignalingClientOptions.MaxAttempts"/> attempts.
    /// </summary>
    Standard = 0,

    /// <summary>
    /// Standard, plus a client-side send rate that follows the throttling answers (the SDKs' adaptive mode: the rate
    /// drops by 30% at each throttle and grows back along a cubic curve), and throttling retries that wait for the
    /// rate instead of using up attempts, for up to <see cref="KvsSignalingClientOptions.ThrottlingRetryLimit"/>.
    /// A sweep faster than the service's quota then slows to it instead of losing calls.
    /// </summary>
    Adaptive = 1,
}
