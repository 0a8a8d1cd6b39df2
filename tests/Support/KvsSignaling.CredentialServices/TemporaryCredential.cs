namespace KvsSignaling.CredentialServices;

/// <summary>A set of temporary keys as the credential services hand them out.</summary>
/// <param name="AccessKeyId">The access key id (ASIA...).</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token that requests signed with these keys must carry.</param>
/// <param name="UsableUntil">When a client must stop signing with these keys; kvs-local refuses them from then on.</param>
public sealed record TemporaryCredential(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset UsableUntil)
{
    /// <summary>Shows the access key only: the secret and the token never reach output.</summary>
    public override string ToString() => AccessKeyId;
}
