namespace KvsSignaling.Transport;

/// <summary>
/// Which answers are worth another attempt: the "standard" retry policies of the AWS SDKs (retry-standard.json:
/// throttling codes, 429, 500, 502, 503, 504, 509, connection errors) plus Kinesis Video's own throttling error,
/// <c>ClientLimitExceededException</c>, which arrives as HTTP 400. Everything else — invalid arguments, missing
/// resources, denied access, version conflicts — fails at once.
/// </summary>
internal static class RetryClassifier
{
    public static readonly IReadOnlyCollection<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "ProvisionedThroughputExceededException",
        "ClientLimitExceededException",
    };

    public static readonly IReadOnlyCollection<int> RetryableStatuses = new HashSet<int> { 429, 500, 502, 503, 504, 509 };

    /// <summary>Whether an error code says the caller sent too fast.</summary>
    public static bool IsThrottling(string? errorCode) => errorCode is not null && ThrottlingCodes.Contains(errorCode);

    public static bool IsRetryable(int statusCode, string? errorCode) =>
        (errorCode is not null && ThrottlingCodes.Contains(errorCode)) || RetryableStatuses.Contains(statusCode);

    /// <summary>Errors that mean the request's signing time was too far from the service's clock.</summary>
    public static bool IsClockSkew(string? errorCode, string? message)
    {
        switch (errorCode)
        {
            case "RequestTimeTooSkewed":
            case "RequestExpired":
            case "RequestInTheFuture":
                return true;
            case "InvalidSignatureException":
            case "SignatureDoesNotMatch":
            case "AuthFailure":
                return message is not null
                    && (message.IndexOf("Signature expired", StringComparison.OrdinalIgnoreCase) >= 0
                        || message.IndexOf("skew", StringComparison.OrdinalIgnoreCase) >= 0
                        || message.IndexOf("Signature not yet current", StringComparison.OrdinalIgnoreCase) >= 0);
            default:
                return false;
        }
    }
}
