namespace KvsSignaling;

/// <summary>
/// One item of <see cref="KvsSignalingConnection.ReadAllAsync"/>: a peer's message (<see cref="SdpMessage"/>,
/// <see cref="IceCandidateMessage"/>), the service's (<see cref="StatusResponseMessage"/>, <see cref="SignalingNoticeMessage"/>)
/// or the connection's own news (<see cref="ConnectionStateMessage"/>). Match on the type or on <see cref="Type"/>.
/// </summary>
public abstract class SignalingMessage
{
    private protected SignalingMessage(SignalingMessageType type) => Type = type;

    /// <summary>What the message is.</summary>
    public SignalingMessageType Type { get; }
}

/// <summary>An SDP offer or answer from a peer.</summary>
public sealed class SdpMessage : SignalingMessage
{
    internal SdpMessage(SignalingMessageType type, string? senderClientId, string? sdp, string payload)
        : base(type)
    {
        SenderClientId = senderClientId;
        Sdp = sdp;
        Payload = payload;
    }

    /// <summary>The viewer that sent it, on messages to the master; null on messages from the master.</summary>
    public string? SenderClientId { get; }

    /// <summary>The session description (the payload's <c>sdp</c>); null when the payload carries none.</summary>
    public string? Sdp { get; }

    /// <summary>The decoded payload as sent, usually JSON <c>{"type","sdp"}</c>.</summary>
    public string Payload { get; }

    /// <summary>The type and sender; the SDP itself is left out.</summary>
    public override string ToString() => Type + (SenderClientId is null ? string.Empty : " from " + SenderClientId);
}

/// <summary>An ICE candidate from a peer.</summary>
public sealed class IceCandidateMessage : SignalingMessage
{
    internal IceCandidateMessage(string? senderClientId, string? candidate, string? sdpMid, int? sdpMLineIndex, string payload)
        : base(SignalingMessageType.IceCandidate)
    {
        SenderClientId = senderClientId;
        Candidate = candidate;
        SdpMid = sdpMid;
        SdpMLineIndex = sdpMLineIndex;
        Payload = payload;
    }

    /// <summary>The viewer that sent it, on messages to the master; null on messages from the master.</summary>
    public string? SenderClientId { get; }

    /// <summary>The candidate line (the payload's <c>candidate</c>; empty marks the end of candidates); null when the payload carries none.</summary>
    public string? Candidate { get; }

    /// <summary>The media stream identification tag the candidate belongs to, when given.</summary>
    public string? SdpMid { get; }

    /// <summary>The index of the media description the candidate belongs to, when given.</summary>
    public int? SdpMLineIndex { get; }

    /// <summary>The decoded payload as sent, usually JSON <c>{"candidate","sdpMid","sdpMLineIndex"}</c>.</summary>
    public string Payload { get; }

    /// <summary>The type and sender; the candidate itself is left out.</summary>
    public override string ToString() => Type + (SenderClientId is null ? string.Empty : " from " + SenderClientId);
}

/// <summary>
/// The service's <c>STATUS_RESPONSE</c> to a message sent with a correlation id, when no send waited for it (it came
/// after <see cref="SignalingConnectionOptions.StatusResponseWait"/>, or that wait is zero). A waiting send gets it instead.
/// </summary>
public sealed class StatusResponseMessage : SignalingMessage
{
    internal StatusResponseMessage(string? correlationId, string? errorType, int? statusCode, string? description)
        : base(SignalingMessageType.StatusResponse)
    {
        CorrelationId = correlationId;
        ErrorType = errorType;
        StatusCode = statusCode;
        Description = description;
    }

    /// <summary>The correlation id of the message it answers.</summary>
    public string? CorrelationId { get; }

    /// <summary>The error, for example <c>InvalidArgumentException</c> or <c>ClientLimitExceededException</c>; null on success.</summary>
    public string? ErrorType { get; }

    /// <summary>The status, for example 400.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's description of the error.</summary>
    public string? Description { get; }

    /// <summary>True when the answer reports no error (no error type and a 2xx or no status).</summary>
    public bool IsSuccess => string.IsNullOrEmpty(ErrorType) && (StatusCode is null || (StatusCode >= 200 && StatusCode < 300));

    /// <summary>The correlation id, status and error.</summary>
    public override string ToString() => $"{Type} {CorrelationId}: {StatusCode} {ErrorType} {Description}".TrimEnd();
}

/// <summary>A notice of the service itself: <c>GO_AWAY</c> or <c>RECONNECT_ICE_SERVER</c>.</summary>
public sealed class SignalingNoticeMessage : SignalingMessage
{
    internal SignalingNoticeMessage(SignalingMessageType type)
        : base(type)
    {
    }

    /// <summary>The notice.</summary>
    public override string ToString() => Type.ToString();
}

/// <summary>
/// The connection's own news, in stream order with the messages: <see cref="SignalingMessageType.Reconnecting"/> before
/// each reconnect attempt, <see cref="SignalingMessageType.Reconnected"/> once a new WebSocket is open.
/// </summary>
public sealed class ConnectionStateMessage : SignalingMessage
{
    internal ConnectionStateMessage(SignalingMessageType type, ReconnectReason reason, int attempt, TimeSpan delay, Exception? cause)
        : base(type)
    {
        Reason = reason;
        Attempt = attempt;
        Delay = delay;
        Cause = cause;
    }

    /// <summary>Why the connection reconnects.</summary>
    public ReconnectReason Reason { get; }

    /// <summary>The attempt, from 1; on <see cref="SignalingMessageType.Reconnected"/> the attempt that succeeded.</summary>
    public int Attempt { get; }

    /// <summary>On <see cref="SignalingMessageType.Reconnecting"/>, the backoff before this attempt (zero for the first attempt after <c>GO_AWAY</c>).</summary>
    public TimeSpan Delay { get; }

    /// <summary>What ended the last connection or failed the last attempt, when there was an error.</summary>
    public Exception? Cause { get; }

    /// <summary>The state, reason and attempt.</summary>
    public override string ToString() => $"{Type} ({Reason}, attempt {Attempt})";
}
