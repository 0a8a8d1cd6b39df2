namespace KvsSignaling;

/// <summary>
/// A signaling connection could not be opened, was lost and could not be reopened within
/// <see cref="SignalingConnectionOptions.MaxReconnectAttempts"/>, or was closed by the service. The message names the
/// channel, the role and the cause, never the presigned URL.
/// </summary>
public sealed class KvsSignalingConnectionException : KvsSignalingException
{
    /// <summary>Creates a connection error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="operation">ConnectAsMaster or ConnectAsViewer.</param>
    /// <param name="errorCode">The service's error type of a refused handshake (<c>x-amzn-ErrorType</c>), when known.</param>
    /// <param name="statusCode">The HTTP status of a refused handshake, when known.</param>
    /// <param name="closeStatus">The WebSocket close status the service sent, when it closed the connection.</param>
    /// <param name="closeDescription">The service's close description, when it closed the connection.</param>
    /// <param name="attempts">Connection attempts made, the first one included.</param>
    /// <param name="innerException">The last failure.</param>
    public KvsSignalingConnectionException(string message, string operation, string? errorCode, int? statusCode, int? closeStatus, string? closeDescription, int attempts, Exception? innerException = null)
        : base(message, KindOf(errorCode, statusCode, closeStatus), CodeOf(errorCode, statusCode, closeStatus), operation, statusCode, null, innerException)
    {
        CloseStatus = closeStatus;
        CloseDescription = closeDescription;
        Attempts = attempts;
    }

    /// <summary>The WebSocket close status (for example 1000) the service sent, when it closed the connection.</summary>
    public int? CloseStatus { get; }

    /// <summary>The service's reason for closing, when it closed the connection.</summary>
    public string? CloseDescription { get; }

    /// <summary>Connection attempts made, the first one included.</summary>
    public int Attempts { get; }

    // A refused handshake is classified as the service's answer would be; a close or a lost connection is transport.
    private static KvsErrorKind KindOf(string? errorCode, int? statusCode, int? closeStatus) =>
        errorCode is not null || statusCode is not null
            ? ErrorKinds.OfServiceError(errorCode, statusCode ?? 0)
            : KvsErrorKind.Transport;

    private static string CodeOf(string? errorCode, int? statusCode, int? closeStatus) =>
        errorCode ?? (statusCode is not null ? KvsErrorCodes.UnrecognizedErrorResponse
            : closeStatus is not null ? KvsErrorCodes.ConnectionClosed
            : KvsErrorCodes.ConnectionFailure);
}
