namespace KvsSignaling;

/// <summary>
/// The one classification of service answers: an error code's <see cref="KvsErrorKind"/>, falling back on the HTTP
/// status for codes it does not know. Retries, cache invalidation and the cmdlets' error ids all follow it.
/// </summary>
internal static class ErrorKinds
{
    private static readonly Dictionary<string, KvsErrorKind> ByCode = new(StringComparer.Ordinal)
    {
        [KvsErrorCodes.AccessDeniedException] = KvsErrorKind.AccessDenied,
        [KvsErrorCodes.NotAuthorizedException] = KvsErrorKind.AccessDenied,

        [KvsErrorCodes.AccountChannelLimitExceededException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.AccountStreamLimitExceededException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.DeviceStreamLimitExceededException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.TagsPerResourceExceededLimitException] = KvsErrorKind.LimitExceeded,

        [KvsErrorCodes.ClientLimitExceededException] = KvsErrorKind.Throttled,
        [KvsErrorCodes.Throttling] = KvsErrorKind.Throttled,
        [KvsErrorCodes.ThrottlingException] = KvsErrorKind.Throttled,
        [KvsErrorCodes.ThrottledException] = KvsErrorKind.Throttled,
        [KvsErrorCodes.RequestThrottledException] = KvsErrorKind.Throttled,
        [KvsErrorCodes.ProvisionedThroughputExceededException] = KvsErrorKind.Throttled,
        [KvsErrorCodes.LimitExceededException] = KvsErrorKind.Throttled,

        [KvsErrorCodes.InvalidArgumentException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.InvalidClientException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.InvalidDeviceException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.InvalidResourceFormatException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.NoDataRetentionException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.ValidationException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.SerializationException] = KvsErrorKind.InvalidArgument,

        [KvsErrorCodes.ResourceNotFoundException] = KvsErrorKind.NotFound,
        [KvsErrorCodes.StreamEdgeConfigurationNotFoundException] = KvsErrorKind.NotFound,

        [KvsErrorCodes.ResourceInUseException] = KvsErrorKind.InUse,
        [KvsErrorCodes.VersionMismatchException] = KvsErrorKind.VersionMismatch,

        [KvsErrorCodes.UnrecognizedClientException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.InvalidSignatureException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.SignatureDoesNotMatch] = KvsErrorKind.Authentication,
        [KvsErrorCodes.IncompleteSignatureException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.IncompleteSignature] = KvsErrorKind.Authentication,
        [KvsErrorCodes.MissingAuthenticationTokenException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.MissingAuthenticationToken] = KvsErrorKind.Authentication,
        [KvsErrorCodes.InvalidClientTokenId] = KvsErrorKind.Authentication,
        [KvsErrorCodes.ExpiredTokenException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.SessionExpiredException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.AuthFailure] = KvsErrorKind.Authentication,
        [KvsErrorCodes.RequestTimeTooSkewed] = KvsErrorKind.Authentication,
        [KvsErrorCodes.RequestExpired] = KvsErrorKind.Authentication,
        [KvsErrorCodes.RequestInTheFuture] = KvsErrorKind.Authentication,

        [KvsErrorCodes.InternalFailure] = KvsErrorKind.ServiceFault,
        [KvsErrorCodes.ServiceUnavailable] = KvsErrorKind.ServiceFault,

        [KvsErrorCodes.UnknownOperationException] = KvsErrorKind.Other,
        [KvsErrorCodes.RequestEntityTooLargeException] = KvsErrorKind.Other,
    };

    /// <summary>
    /// The kind of a service error answer: by its code when the code is known; else throttled for HTTP 429 and 509
    /// (the SDKs' standard retry mode), a service fault for any 5xx, and <see cref="KvsErrorKind.Other"/> otherwise.
    /// </summary>
    public static KvsErrorKind OfServiceError(string? errorCode, int statusCode)
    {
        if (errorCode is not null && ByCode.TryGetValue(errorCode, out var kind))
        {
            return kind;
        }

        return statusCode switch
        {
            429 or 509 => KvsErrorKind.Throttled,
            >= 500 and < 600 => KvsErrorKind.ServiceFault,
            _ => KvsErrorKind.Other,
        };
    }
}
