namespace KvsSignaling.Local.Wire;

/// <summary>An error as the service puts it on the wire: HTTP status, x-amzn-ErrorType and a message.</summary>
/// <param name="Code">The error type, e.g. ResourceNotFoundException.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Message">A message for people; never carries a secret.</param>
/// <param name="MessageMember">
/// The JSON member that carries the message: the model's error shapes use "Message"; the errors raised
/// before an operation is known (authentication, routing, serialization) use "message", as AWS front ends do.
/// </param>
internal sealed record ServiceError(string Code, int Status, string Message, string MessageMember = "Message")
{
    public static ServiceError InvalidArgument(string message) => new(KvsErrorCodes.InvalidArgumentException, 400, message);

    public static ServiceError ResourceNotFound(string message) => new(KvsErrorCodes.ResourceNotFoundException, 404, message);

    public static ServiceError ResourceInUse(string message) => new(KvsErrorCodes.ResourceInUseException, 400, message);

    public static ServiceError VersionMismatch(string message) => new(KvsErrorCodes.VersionMismatchException, 400, message);

    public static ServiceError ClientLimitExceeded(string message) => new(KvsErrorCodes.ClientLimitExceededException, 400, message);

    /// <summary>A throttling answer with one of the SDKs' throttling codes (an injected fault), HTTP 400 as the service sends them.</summary>
    public static ServiceError Throttled(string code, string message) => new(code, 400, message);

    public static ServiceError AccountChannelLimitExceeded(string message) => new(KvsErrorCodes.AccountChannelLimitExceededException, 400, message);

    public static ServiceError TagsPerResourceExceededLimit(string message) => new(KvsErrorCodes.TagsPerResourceExceededLimitException, 400, message);

    public static ServiceError UnknownOperation(string message) => new(KvsErrorCodes.UnknownOperationException, 404, message, "message");

    public static ServiceError Serialization(string message) => new(KvsErrorCodes.SerializationException, 400, message, "message");

    public static ServiceError MissingAuthenticationToken() =>
        new(KvsErrorCodes.MissingAuthenticationTokenException, 403, "Missing Authentication Token", "message");

    public static ServiceError IncompleteSignature(string message) => new(KvsErrorCodes.IncompleteSignatureException, 403, message, "message");

    public static ServiceError InvalidSignature(string message) => new(KvsErrorCodes.InvalidSignatureException, 403, message, "message");

    public static ServiceError UnrecognizedClient() =>
        new(KvsErrorCodes.UnrecognizedClientException, 403, "The security token included in the request is invalid.", "message");

    public static ServiceError ExpiredToken() =>
        new(KvsErrorCodes.ExpiredTokenException, 403, "The security token included in the request is expired", "message");

    public static ServiceError RequestTooLarge(long limit) =>
        new(KvsErrorCodes.RequestEntityTooLargeException, 413, $"Request body is larger than the {limit} bytes allowed.", "message");

    public static ServiceError InternalFailure() =>
        new(KvsErrorCodes.InternalFailure, 500, "The request processing has failed because of an unknown error, exception or failure.", "message");

    public static ServiceError ServiceUnavailable() =>
        new(KvsErrorCodes.ServiceUnavailable, 503, "The service is unavailable. Please try again later.", "message");
}
