namespace KvsSignaling;

/// <summary>
/// The signaling service refused a message sent with a correlation id: its <c>STATUS_RESPONSE</c> named an error.
/// <see cref="KvsSignalingException.ErrorCode"/> is the error type and <see cref="KvsSignalingException.StatusCode"/> the status.
/// </summary>
public sealed class KvsSignalingStatusException : KvsSignalingException
{
    /// <summary>Creates a status error.</summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="operation">SendSdpOffer, SendSdpAnswer or SendIceCandidate.</param>
    /// <param name="correlationId">The correlation id of the refused message.</param>
    /// <param name="errorType">The service's error type, for example <c>InvalidArgumentException</c>.</param>
    /// <param name="statusCode">The service's status, for example 400.</param>
    /// <param name="description">The service's description.</param>
    public KvsSignalingStatusException(string message, string operation, string correlationId, string? errorType, int? statusCode, string? description)
        : base(message, ErrorKinds.OfServiceError(errorType, statusCode ?? 400), errorType ?? KvsErrorCodes.UnrecognizedErrorResponse, operation, statusCode, null)
    {
        CorrelationId = correlationId;
        Description = description;
    }

    /// <summary>The correlation id of the refused message.</summary>
    public string CorrelationId { get; }

    /// <summary>The service's description of the error.</summary>
    public string? Description { get; }
}
