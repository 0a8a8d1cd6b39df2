using System.Management.Automation;

namespace KvsSignaling.PowerShell.Output;

/// <summary>
/// The endpoints of one channel for one role: what Get-KvsSignalingChannelEndpoint writes. Plain
/// strings and URIs only, so nothing here can clash with another module's assemblies and every
/// property exports to CSV or JSON as it reads.
/// </summary>
public sealed class SignalingChannelEndpoint
{
    /// <summary>The type name the format file and scripts key on.</summary>
    public const string TypeName = "KvsSignaling.SignalingChannelEndpoint";

    internal SignalingChannelEndpoint(ChannelEndpoints result)
    {
        ChannelARN = result.ChannelArn.Value;
        ChannelName = result.ChannelArn.ChannelName;
        Region = result.ChannelArn.Region;
        Role = result.Role.Value;
        Wss = result.Wss;
        Https = result.Https;
        WebRtc = result.WebRtc;
        Endpoints = new ResourceEndpointList(result.Endpoints.Select(e => new ResourceEndpointListItem(e.Protocol.Value, e.Uri)).ToArray());
        RequestId = result.RequestId;
        FromCache = result.FromCache;
    }

    /// <summary>The channel's ARN.</summary>
    public string ChannelARN { get; }

    /// <summary>The channel's name, taken from its ARN.</summary>
    public string ChannelName { get; }

    /// <summary>The channel's region, taken from its ARN.</summary>
    public string Region { get; }

    /// <summary>MASTER or VIEWER.</summary>
    public string Role { get; }

    /// <summary>The WSS endpoint, or null when WSS was not asked for.</summary>
    public Uri? Wss { get; }

    /// <summary>The HTTPS endpoint, or null when HTTPS was not asked for.</summary>
    public Uri? Https { get; }

    /// <summary>The WEBRTC endpoint, or null when WEBRTC was not asked for.</summary>
    public Uri? WebRtc { get; }

    /// <summary>Every endpoint as the service listed it; as text (CSV, strings) "WSS wss://...; HTTPS https://...".</summary>
    public ResourceEndpointList Endpoints { get; }

    /// <summary>The request id of the call that returned these endpoints.</summary>
    public string? RequestId { get; }

    /// <summary>True when the endpoints came from the session's cache rather than a new call.</summary>
    public bool FromCache { get; }

    /// <summary>The channel, the role and the endpoints, e.g. "arn:aws:kinesisvideo:...:channel/cam-1/1 MASTER: WSS wss://...; HTTPS https://...".</summary>
    public override string ToString() => $"{ChannelARN} {Role}: {Endpoints}";

    internal PSObject ToPSObject()
    {
        var wrapped = new PSObject(this);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }
}
