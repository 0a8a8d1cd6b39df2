using Amazon.Runtime;

namespace KvsSignaling.Configuration;

/// <summary>When temporary keys stop working, for the credential types of AWSSDK.Core that say so.</summary>
internal static class CredentialExpiry
{
    /// <summary>The expiry in UTC; null for long-term keys or a type that does not carry one.</summary>
    public static DateTime? Of(ImmutableCredentials credentials) => credentials switch
    {
        AssumeRoleImmutableCredentials assumed => assumed.Expiration.ToUniversalTime(),
        SSOImmutableCredentials sso => sso.Expiration.ToUniversalTime(),
        SAMLImmutableCredentials saml => saml.Expires.ToUniversalTime(),
        LoginImmutableCredentials login => login.ExpiresAt?.ToUniversalTime(),
        _ => null,
    };
}
