namespace KvsSignaling.CredentialServices;

/// <summary>One call that reached a credential service, as the tests check it.</summary>
/// <param name="Service">sts, sso or container.</param>
/// <param name="Action">AssumeRole, AssumeRoleWithWebIdentity, GetRoleCredentials or GetCredentials.</param>
/// <param name="Subject">The role ARN (STS), account/role (SSO) or path (container).</param>
/// <param name="Caller">The access key that signed an STS AssumeRole call; null for unsigned calls.</param>
/// <param name="Issued">The access key handed out, or null when the call was refused.</param>
/// <param name="Refusal">Why the call was refused, or null.</param>
public sealed record ServiceCall(string Service, string Action, string Subject, string? Caller, string? Issued, string? Refusal);
