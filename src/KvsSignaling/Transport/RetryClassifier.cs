namespace KvsSignaling.Transport;

/// <summary>
/// Which answers are worth another attempt, by their <see cref="KvsErrorKind"/>: throttling (the codes of the SDKs'
/// "standard" retry mode in retry-standard.json, Kinesis Video's own <c>ClientLimitExceededException</c> that
/// arrives as HTTP 400, HTTP 429 and 509) and service faults (HTTP 5xx); connection failures and timeouts are retried
/// by the caller. Everything else — invalid arguments, missing resources, denied access, version conflicts — fails
/// at once.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>Whether an error answer of this kind is worth another attempt.</summary>
    public static bool IsRetryable(KvsErrorKind kind) => kind is KvsErrorKind.Throttled or KvsErrorKind.ServiceFault;

    /// <summary>
    /// Errors that mean the request's signing time was too far from the service's clock: worth one attempt signed
    /// with the service's clock, whatever their kind.
    /// </summary>
    public static bool IsClockSkew(string? errorCode, string? message)
    {
        switch (errorCode)
        {
            case KvsErrorCodes.RequestTimeTooSkewed:
            case KvsErrorCodes.RequestExpired:
            case KvsErrorCodes.RequestInTheFuture:
                return true;
            case KvsErrorCodes.InvalidSignatureException:
            case KvsErrorCodes.SignatureDoesNotMatch:
            case KvsErrorCodes.AuthFailure:
                return message is not null
                    && (message.IndexOf("Signature expired", StringComparison.OrdinalIgnoreCase) >= 0
                        || message.IndexOf("skew", StringComparison.OrdinalIgnoreCase) >= 0
                        || message.IndexOf("Signature not yet current", StringComparison.OrdinalIgnoreCase) >= 0);
            default:
                return false;
        }
    }
}
