namespace KvsSignaling;

/// <summary>The endpoints of one signaling channel for one role, as <see cref="KvsSignalingClient.GetSignalingChannelEndpointAsync"/> returns them.</summary>
public sealed class ChannelEndpoints
{
    /// <summary>Creates a result.</summary>
    public ChannelEndpoints(ChannelArn channelArn, ChannelRole role, IReadOnlyList<ProtocolEndpoint> endpoints, string? requestId, bool fromCache)
    {
        ChannelArn = channelArn ?? throw new ArgumentNullException(nameof(channelArn));
        Role = role;
        Endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        RequestId = requestId;
        FromCache = fromCache;
    }

    /// <summary>The channel asked about.</summary>
    public ChannelArn ChannelArn { get; }

    /// <summary>The role asked for.</summary>
    public ChannelRole Role { get; }

    /// <summary>Every endpoint the service returned, in its order.</summary>
    public IReadOnlyList<ProtocolEndpoint> Endpoints { get; }

    /// <summary>The WSS endpoint, if returned.</summary>
    public Uri? Wss => Find(ChannelProtocol.Wss);

    /// <summary>The HTTPS endpoint, if returned.</summary>
    public Uri? Https => Find(ChannelProtocol.Https);

    /// <summary>The WEBRTC endpoint, if returned.</summary>
    public Uri? WebRtc => Find(ChannelProtocol.WebRtc);

    /// <summary>The request id of the service response this came from.</summary>
    public string? RequestId { get; }

    /// <summary>True when the answer came from the client's endpoint cache.</summary>
    public bool FromCache { get; }

    internal ChannelEndpoints AsCached() => new(ChannelArn, Role, Endpoints, RequestId, fromCache: true);

    private Uri? Find(ChannelProtocol protocol)
    {
        foreach (var endpoint in Endpoints)
        {
            if (endpoint.Protocol == protocol)
            {
                return endpoint.Uri;
            }
        }

        return null;
    }
}
