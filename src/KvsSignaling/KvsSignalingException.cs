namespace KvsSignaling;

/// <summary>
/// Base of every error the client raises after input validation: a service error, a bad endpoint
/// returned by the service, a transport failure or missing credentials. <see cref="Kind"/> says what it means and
/// <see cref="ErrorCode"/> which code it came from; both are always set. Messages name the operation, the cause and
/// the request id, and never carry credentials or signatures.
/// </summary>
public class KvsSignalingException : Exception
{
    /// <summary>Creates an error of kind <see cref="KvsErrorKind.Other"/> and code <see cref="KvsErrorCodes.Unknown"/>.</summary>
    public KvsSignalingException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an error with its cause, of kind <see cref="KvsErrorKind.Other"/> and code <see cref="KvsErrorCodes.Unknown"/>.</summary>
    public KvsSignalingException(string message, Exception? innerException)
        : this(message, KvsErrorKind.Other, KvsErrorCodes.Unknown, null, null, null, innerException)
    {
    }

    /// <summary>Creates an error with its kind, its code and the service's details.</summary>
    /// <param name="message">What failed, naming the operation and the cause.</param>
    /// <param name="kind">What the failure means.</param>
    /// <param name="errorCode">The service's error code, or one of the client's own codes in <see cref="KvsErrorCodes"/>.</param>
    /// <param name="operation">The service operation that failed, or null.</param>
    /// <param name="statusCode">The HTTP status of the last response, or null.</param>
    /// <param name="requestId">The service request id of the last response, or null.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="errorCode"/> is null or empty.</exception>
    public KvsSignalingException(string message, KvsErrorKind kind, string errorCode, string? operation, int? statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        if (string.IsNullOrEmpty(errorCode))
        {
            throw new ArgumentException("An error code is required: the service's, or one of KvsErrorCodes.", nameof(errorCode));
        }

        Kind = kind;
        ErrorCode = errorCode;
        Operation = operation;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>What the failure means, for example <see cref="KvsErrorKind.Throttled"/> or <see cref="KvsErrorKind.NotFound"/>.</summary>
    public KvsErrorKind Kind { get; }

    /// <summary>The service operation that failed, for example <c>GetSignalingChannelEndpoint</c>.</summary>
    public string? Operation { get; }

    /// <summary>
    /// The service error code (for example <see cref="KvsErrorCodes.ResourceNotFoundException"/>) when the service answered
    /// one, else the client's own code for what happened (for example <see cref="KvsErrorCodes.Timeout"/>). Never null.
    /// </summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the last response, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>The service request id (<c>x-amzn-RequestId</c>) of the last response, when there was one.</summary>
    public string? RequestId { get; }
}
