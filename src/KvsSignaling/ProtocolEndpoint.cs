namespace KvsSignaling;

/// <summary>One endpoint of a signaling channel (the model's <c>ResourceEndpointListItem</c>), checked for an absolute URI and a scheme that fits the protocol.</summary>
public sealed class ProtocolEndpoint
{
    /// <summary>Creates an endpoint.</summary>
    public ProtocolEndpoint(ChannelProtocol protocol, Uri uri)
    {
        Protocol = protocol;
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
    }

    /// <summary>The protocol this endpoint speaks.</summary>
    public ChannelProtocol Protocol { get; }

    /// <summary>The endpoint URI.</summary>
    public Uri Uri { get; }

    /// <summary>Returns <c>PROTOCOL uri</c>.</summary>
    public override string ToString() => Protocol.Value + " " + Uri;
}
