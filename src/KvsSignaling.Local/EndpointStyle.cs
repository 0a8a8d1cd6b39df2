namespace KvsSignaling.Local;

/// <summary>How GetSignalingChannelEndpoint builds the endpoints it answers.</summary>
public enum EndpointStyle
{
    /// <summary>ws:// and http:// URLs on kvs-local itself, so a client can follow them without a network.</summary>
    Local,

    /// <summary>URLs shaped like the service's: wss://m-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com and so on.</summary>
    Aws,
}
