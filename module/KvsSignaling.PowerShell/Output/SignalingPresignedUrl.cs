using System.Management.Automation;

namespace KvsSignaling.PowerShell.Output;

/// <summary>A presigned connect URL for one channel and role: what Get-KvsSignalingPresignedUrl writes.</summary>
public sealed class SignalingPresignedUrl
{
    /// <summary>The type name the format file and scripts key on.</summary>
    public const string TypeName = "KvsSignaling.SignalingPresignedUrl";

    internal SignalingPresignedUrl(PresignedConnectUrl url)
    {
        ChannelARN = url.ChannelArn.Value;
        ChannelName = url.ChannelArn.ChannelName;
        Role = url.Role.Value;
        ClientId = url.ClientId;
        Url = url.Url.AbsoluteUri;
        ExpiresAt = url.ExpiresAt.UtcDateTime;
    }

    /// <summary>The channel's ARN.</summary>
    public string ChannelARN { get; }

    /// <summary>The channel's name, taken from its ARN.</summary>
    public string ChannelName { get; }

    /// <summary>MASTER or VIEWER.</summary>
    public string Role { get; }

    /// <summary>The viewer's client id; null for a master.</summary>
    public string? ClientId { get; }

    /// <summary>The signed wss:// URL: whoever holds it can connect until <see cref="ExpiresAt"/>.</summary>
    public string Url { get; }

    /// <summary>When the service stops accepting the URL (UTC).</summary>
    public DateTime ExpiresAt { get; }

    /// <summary>The channel, role and expiry; not the URL, so the signature does not end up in logs by accident.</summary>
    public override string ToString() => $"{ChannelARN} {Role}{(ClientId is null ? string.Empty : " " + ClientId)} until {ExpiresAt:u}";

    internal PSObject ToPSObject()
    {
        var wrapped = new PSObject(this);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }
}
