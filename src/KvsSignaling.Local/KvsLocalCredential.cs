namespace KvsSignaling.Local;

/// <summary>An access key that kvs-local accepts, with its secret, its account and an optional session token.</summary>
/// <remarks><see cref="ToString"/> shows the access key only: the secret and token never reach output.</remarks>
public sealed class KvsLocalCredential
{
    /// <summary>The account that requests get when nothing else is configured.</summary>
    public const string DefaultAccountId = "123456789012";

    /// <summary>The access key ID that a server started without credentials accepts.</summary>
    public const string DefaultAccessKeyId = "AKIDLOCAL";

    /// <summary>The secret of <see cref="DefaultAccessKeyId"/>. A demo value that has no meaning outside kvs-local.</summary>
    public const string DefaultSecretAccessKey = "kvs-local-secret";

    /// <summary>Creates a credential.</summary>
    /// <param name="accessKeyId">The access key ID as it appears in the SigV4 credential scope.</param>
    /// <param name="secretAccessKey">The secret the request must be signed with.</param>
    /// <param name="accountId">The 12-digit account the key belongs to.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the account is not 12 digits.</exception>
    public KvsLocalCredential(string accessKeyId, string secretAccessKey, string accountId = DefaultAccountId)
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new ArgumentException("The access key ID must not be empty.", nameof(accessKeyId));
        }

        if (string.IsNullOrEmpty(secretAccessKey))
        {
            throw new ArgumentException($"The secret access key of '{accessKeyId}' must not be empty.", nameof(secretAccessKey));
        }

        if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Account '{accountId}' of access key '{accessKeyId}' is not valid: an account ID is 12 digits.", nameof(accountId));
        }

        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        AccountId = accountId;
    }

    /// <summary>The access key ID.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The account the key belongs to.</summary>
    public string AccountId { get; }

    /// <summary>When set, requests must carry this value in X-Amz-Security-Token (temporary credentials).</summary>
    public string? SessionToken { get; init; }

    /// <summary>When set, requests signed at or after this instant get ExpiredTokenException.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{AccessKeyId} (account {AccountId})";
}
