namespace KvsSignaling;

/// <summary>
/// The service answered an error: <see cref="KvsSignalingException.ErrorCode"/> is the service's code, and
/// <see cref="KvsSignalingException.Kind"/> follows from it (or from the status, for a code the client does not know).
/// </summary>
public sealed class KvsServiceException : KvsSignalingException
{
    /// <summary>Creates a service error.</summary>
    public KvsServiceException(string message, string operation, string errorCode, string? serviceMessage, int statusCode, string? requestId, int attempts)
        : base(message, ErrorKinds.OfServiceError(errorCode, statusCode), errorCode, operation, statusCode, requestId)
    {
        ServiceMessage = serviceMessage;
        Attempts = attempts;
    }

    /// <summary>The message the service gave, if any.</summary>
    public string? ServiceMessage { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }
}
