namespace KvsSignaling.CredentialServices;

/// <summary>What the stand-ins accept and hand out.</summary>
public sealed class CredentialServicesOptions
{
    /// <summary>The temporary credentials handed out, one window at a time.</summary>
    public required CredentialSchedule Schedule { get; init; }

    /// <summary>Long-term access keys allowed to call AssumeRole (keys handed out by the services are allowed too, for role chaining).</summary>
    public IReadOnlySet<string> SourceAccessKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Roles that may be assumed; any other is refused with AccessDenied.</summary>
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The only web identity token AssumeRoleWithWebIdentity accepts.</summary>
    public string WebIdentityToken { get; init; } = "web-identity-token";

    /// <summary>The only bearer token the IAM Identity Center portal accepts.</summary>
    public string SsoAccessToken { get; init; } = "sso-access-token";

    /// <summary>The Authorization header value the container endpoint requires.</summary>
    public string ContainerAuthorizationToken { get; init; } = "container-authorization-token";
}
