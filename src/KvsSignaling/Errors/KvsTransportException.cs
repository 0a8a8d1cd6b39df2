namespace KvsSignaling;

/// <summary>
/// No usable answer came back: the connection failed, an attempt timed out, or the response body was
/// missing, truncated, not JSON or larger than allowed — after the retries the failure allowed.
/// </summary>
public sealed class KvsTransportException : KvsSignalingException
{
    /// <summary>Creates a transport error.</summary>
    public KvsTransportException(string message, string operation, int? statusCode, string? requestId, int attempts, Exception? innerException = null)
        : base(message, operation, null, statusCode, requestId, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }
}
