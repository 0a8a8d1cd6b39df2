namespace KvsSignaling;

/// <summary>Why a signaling connection reconnects.</summary>
public enum ReconnectReason
{
    /// <summary>The service sent <c>GO_AWAY</c>.</summary>
    GoAway,

    /// <summary>The connection dropped without a close frame, or closed with a status other than normal closure.</summary>
    ConnectionLost,
}
