namespace KvsSignaling.Local.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answers ClientLimitExceededException (HTTP 400), the service's throttling error.</summary>
    Throttle,

    /// <summary>Answers InternalFailure (HTTP 500).</summary>
    InternalError,

    /// <summary>Answers ServiceUnavailable (HTTP 503).</summary>
    ServiceUnavailable,

    /// <summary>Waits <see cref="FaultRule.LatencyMs"/> before handling the request (or relaying the signaling message) normally.</summary>
    Latency,

    /// <summary>Aborts the connection without sending a response.</summary>
    DropConnection,

    /// <summary>Handles the request, announces the full Content-Length, sends half the body and aborts the connection.</summary>
    TruncatedBody,

    /// <summary>Handles the request and answers its status with a body that is not valid JSON.</summary>
    MalformedBody,

    /// <summary>Handles the request and answers a valid JSON body padded to <see cref="FaultRule.SizeBytes"/>.</summary>
    OversizedBody,

    /// <summary>Answers HTTP 502 with an HTML page, as a proxy in front of the service would.</summary>
    HtmlErrorPage,

    /// <summary>GetSignalingChannelEndpoint answers endpoints whose scheme does not fit their protocol (WSS gets https://, HTTPS gets wss://).</summary>
    WrongEndpointScheme,

    /// <summary>A signaling message (SendSdpOffer, SendSdpAnswer, SendIceCandidate) is dropped without a word to its sender.</summary>
    DropMessage,

    /// <summary>The connection that sends a matching signaling message is closed abruptly, without a close frame.</summary>
    AbortConnection,
}
