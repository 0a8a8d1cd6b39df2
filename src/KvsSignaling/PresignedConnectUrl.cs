using System.Globalization;

namespace KvsSignaling;

/// <summary>
/// A signed WebSocket URL that connects to a signaling channel in one role until <see cref="ExpiresAt"/>, as
/// <see cref="KvsSignalingClient.CreatePresignedConnectUrlAsync"/> creates it (for example for a browser viewer).
/// </summary>
/// <remarks>
/// <see cref="Url"/> carries the signature and, with temporary credentials, the session token: hand it only to the
/// party that connects, and do not log it. <see cref="ToString"/> leaves both out.
/// </remarks>
public sealed class PresignedConnectUrl
{
    internal PresignedConnectUrl(Uri url, DateTimeOffset signedAt, DateTimeOffset expiresAt, ChannelArn channelArn, ChannelRole role, string? clientId)
    {
        Url = url;
        SignedAt = signedAt;
        ExpiresAt = expiresAt;
        ChannelArn = channelArn;
        Role = role;
        ClientId = clientId;
    }

    /// <summary>The WSS endpoint with the SigV4 query signature; a secret while it is valid.</summary>
    public Uri Url { get; }

    /// <summary>When it was signed, by the service's clock as the client knows it.</summary>
    public DateTimeOffset SignedAt { get; }

    /// <summary>When the service stops accepting it (<see cref="SignedAt"/> plus X-Amz-Expires).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The channel it connects to.</summary>
    public ChannelArn ChannelArn { get; }

    /// <summary>The role it connects as.</summary>
    public ChannelRole Role { get; }

    /// <summary>The viewer's client id; null for a master.</summary>
    public string? ClientId { get; }

    /// <summary>The channel, role, client id, host and expiry; never the signature or the token.</summary>
    public override string ToString() =>
        $"{Role.Value} {ChannelArn.Value}{(ClientId is null ? string.Empty : " as " + ClientId)} via {Url.Host}, expires " + ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
