namespace KvsSignaling;

/// <summary>
/// The service returned an endpoint that is not an absolute URI or whose scheme does not fit its protocol
/// (<c>wss</c> for WSS; <c>https</c> for HTTPS and WEBRTC; <c>ws</c>/<c>http</c> only when the control plane itself is plain <c>http</c>).
/// Kind <see cref="KvsErrorKind.InvalidEndpoint"/>, code <see cref="KvsErrorCodes.InvalidEndpoint"/>.
/// </summary>
public sealed class KvsEndpointException : KvsSignalingException
{
    /// <summary>Creates an endpoint error.</summary>
    public KvsEndpointException(string message, string operation, string endpoint, string? protocol, string? requestId)
        : base(message, KvsErrorKind.InvalidEndpoint, KvsErrorCodes.InvalidEndpoint, operation, 200, requestId)
    {
        Endpoint = endpoint;
        Protocol = protocol;
    }

    /// <summary>The endpoint text as the service returned it.</summary>
    public string Endpoint { get; }

    /// <summary>The protocol the endpoint was returned for, as the service named it.</summary>
    public string? Protocol { get; }
}
