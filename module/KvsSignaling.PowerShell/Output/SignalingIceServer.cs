using System.Management.Automation;

namespace KvsSignaling.PowerShell.Output;

/// <summary>One ICE server of a channel: what Get-KvsIceServerConfig writes. The default view leaves the password out.</summary>
public sealed class SignalingIceServer
{
    /// <summary>The type name the format file and scripts key on.</summary>
    public const string TypeName = "KvsSignaling.SignalingIceServer";

    internal SignalingIceServer(ChannelArn channelArn, string? clientId, IceServer server)
    {
        ChannelARN = channelArn.Value;
        ChannelName = channelArn.ChannelName;
        ClientId = clientId;
        Uris = server.Uris.ToArray();
        Username = server.Username;
        Password = server.Password;
        Ttl = server.Ttl is { } ttl ? (int)ttl.TotalSeconds : null;
        ExpiresAt = server.ExpiresAt?.UtcDateTime;
    }

    /// <summary>The channel's ARN.</summary>
    public string ChannelARN { get; }

    /// <summary>The channel's name, taken from its ARN.</summary>
    public string ChannelName { get; }

    /// <summary>The client id the servers were asked for; null for the master.</summary>
    public string? ClientId { get; }

    /// <summary>The server's turn:, turns: or stun: URIs.</summary>
    public string[] Uris { get; }

    /// <summary>The TURN user name.</summary>
    public string? Username { get; }

    /// <summary>The TURN password: a credential, not shown by the default view.</summary>
    public string? Password { get; }

    /// <summary>How many seconds the credentials were valid when the service answered.</summary>
    public int? Ttl { get; }

    /// <summary>When the credentials stop working (UTC).</summary>
    public DateTime? ExpiresAt { get; }

    /// <summary>The URIs and the user name; never the password.</summary>
    public override string ToString() => string.Join(" ", Uris) + (Username is null ? string.Empty : " user " + Username);

    internal PSObject ToPSObject()
    {
        var wrapped = new PSObject(this);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }
}
