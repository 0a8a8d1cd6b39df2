using System.Globalization;

namespace KvsSignaling;

/// <summary>One ICE server for a peer connection, as <see cref="KvsSignalingClient.GetIceServerConfigAsync"/> returns it.</summary>
/// <remarks><see cref="ToString"/> shows the URIs, user name and expiry; never the password.</remarks>
public sealed class IceServer
{
    /// <summary>Creates a server description.</summary>
    public IceServer(IReadOnlyList<string> uris, string? username, string? password, TimeSpan? ttl, DateTimeOffset? expiresAt)
    {
        Uris = uris ?? throw new ArgumentNullException(nameof(uris));
        Username = username;
        Password = password;
        Ttl = ttl;
        ExpiresAt = expiresAt;
    }

    /// <summary>The <c>turn:</c>, <c>turns:</c> or <c>stun:</c> URIs of the server.</summary>
    public IReadOnlyList<string> Uris { get; }

    /// <summary>The TURN user name; null for a STUN server.</summary>
    public string? Username { get; }

    /// <summary>The TURN password (a credential: do not log it); null for a STUN server.</summary>
    public string? Password { get; }

    /// <summary>How long the credentials were valid when the service answered; null for a STUN server.</summary>
    public TimeSpan? Ttl { get; }

    /// <summary>When the credentials stop working (the answer's time plus <see cref="Ttl"/>); null for a STUN server.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The URIs, the user name and the expiry; never the password.</summary>
    public override string ToString() =>
        string.Join(" ", Uris)
        + (Username is null ? string.Empty : " user " + Username)
        + (ExpiresAt is { } expires ? " until " + expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty);
}
