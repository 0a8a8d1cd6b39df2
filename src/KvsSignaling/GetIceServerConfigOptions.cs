namespace KvsSignaling;

/// <summary>Per-call settings of <see cref="KvsSignalingClient.GetIceServerConfigAsync"/>.</summary>
public sealed class GetIceServerConfigOptions
{
    /// <summary>Whose HTTPS endpoint to ask; null takes VIEWER when a client id is given, else MASTER.</summary>
    public ChannelRole? Role { get; set; }

    /// <summary>Adds the region's STUN server (<c>stun:stun.kinesisvideo.&lt;region&gt;.&lt;dns suffix&gt;:443</c>) first, as the AWS WebRTC SDKs do.</summary>
    public bool IncludeStunServer { get; set; }

    /// <summary>Asks the service even when servers are still kept from an earlier answer.</summary>
    public bool BypassCache { get; set; }
}
