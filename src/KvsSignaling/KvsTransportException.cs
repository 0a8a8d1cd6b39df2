namespace KvsSignaling;

/// <summary>
/// No usable answer came back: the connection failed, an attempt timed out, the endpoint's circuit was open, or the
/// response body was missing, truncated, not JSON or larger than allowed — after the retries the failure allowed.
/// Kind <see cref="KvsErrorKind.Transport"/>; <see cref="KvsSignalingException.ErrorCode"/> is one of the client's codes
/// (<see cref="KvsErrorCodes.Timeout"/>, <see cref="KvsErrorCodes.ConnectionFailure"/>, <see cref="KvsErrorCodes.CircuitOpen"/>,
/// <see cref="KvsErrorCodes.ResponseTooLarge"/>, <see cref="KvsErrorCodes.MalformedResponse"/>, <see cref="KvsErrorCodes.UnrecognizedErrorResponse"/>).
/// </summary>
public sealed class KvsTransportException : KvsSignalingException
{
    /// <summary>Creates a transport error.</summary>
    /// <param name="message">What failed, naming the operation and the cause.</param>
    /// <param name="operation">The service operation that failed.</param>
    /// <param name="errorCode">What happened, as one of the client's codes in <see cref="KvsErrorCodes"/>.</param>
    /// <param name="statusCode">The HTTP status of the last response, or null when none came.</param>
    /// <param name="requestId">The service request id of the last response, or null.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KvsTransportException(string message, string operation, string errorCode, int? statusCode, string? requestId, int attempts, Exception? innerException = null)
        : base(message, KvsErrorKind.Transport, errorCode, operation, statusCode, requestId, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }
}
