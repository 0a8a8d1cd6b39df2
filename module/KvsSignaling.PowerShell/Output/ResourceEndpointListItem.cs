namespace KvsSignaling.PowerShell.Output;

/// <summary>One endpoint the service returned: its protocol and its URL.</summary>
public sealed class ResourceEndpointListItem
{
    internal ResourceEndpointListItem(string protocol, Uri resourceEndpoint)
    {
        Protocol = protocol;
        ResourceEndpoint = resourceEndpoint;
    }

    /// <summary>WSS, HTTPS or WEBRTC.</summary>
    public string Protocol { get; }

    /// <summary>The endpoint URL.</summary>
    public Uri ResourceEndpoint { get; }

    /// <inheritdoc />
    public override string ToString() => Protocol + " " + ResourceEndpoint.AbsoluteUri;
}
