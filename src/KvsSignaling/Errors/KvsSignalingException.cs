namespace KvsSignaling;

/// <summary>
/// Base of every error the client raises after input validation: a service error, a bad endpoint
/// returned by the service, or a transport failure. Messages name the operation, the cause and the request id,
/// and never carry credentials or signatures.
/// </summary>
public class KvsSignalingException : Exception
{
    /// <summary>Creates an error.</summary>
    public KvsSignalingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with its cause.</summary>
    public KvsSignalingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error with the service's details.</summary>
    public KvsSignalingException(string message, string? operation, string? errorCode, int? statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The service operation that failed, for example <c>GetSignalingChannelEndpoint</c>.</summary>
    public string? Operation { get; }

    /// <summary>The service error code (for example <c>ResourceNotFoundException</c>), when the service answered one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status of the last response, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>The service request id (<c>x-amzn-RequestId</c>) of the last response, when there was one.</summary>
    public string? RequestId { get; }
}
