namespace KvsSignaling;

/// <summary>What a <see cref="SignalingMessage"/> is.</summary>
public enum SignalingMessageType
{
    /// <summary>An SDP offer from a peer (<see cref="SdpMessage"/>).</summary>
    SdpOffer,

    /// <summary>An SDP answer from a peer (<see cref="SdpMessage"/>).</summary>
    SdpAnswer,

    /// <summary>An ICE candidate from a peer (<see cref="IceCandidateMessage"/>).</summary>
    IceCandidate,

    /// <summary>The service's <c>STATUS_RESPONSE</c> to a message with a correlation id that no send was waiting for (<see cref="StatusResponseMessage"/>).</summary>
    StatusResponse,

    /// <summary><c>GO_AWAY</c>: the service is about to close the connection (<see cref="SignalingNoticeMessage"/>).</summary>
    GoAway,

    /// <summary><c>RECONNECT_ICE_SERVER</c>: fetch new ICE servers; the client's kept ones are already dropped (<see cref="SignalingNoticeMessage"/>).</summary>
    ReconnectIceServer,

    /// <summary>The connection is reconnecting: one attempt is about to start (<see cref="ConnectionStateMessage"/>).</summary>
    Reconnecting,

    /// <summary>The connection is open again on a new WebSocket (<see cref="ConnectionStateMessage"/>).</summary>
    Reconnected,
}
