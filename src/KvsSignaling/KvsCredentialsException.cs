namespace KvsSignaling;

/// <summary>
/// The AWS credentials could not be obtained: the profile does not exist, its source (a role to assume, an
/// IAM Identity Center login, a web identity token, a credential process, a container endpoint) failed, or
/// the default chain found nothing. A problem of the configuration, not of one request: every call of the
/// client fails the same way until it is fixed. The message names the profile and the source, never a secret.
/// Kind <see cref="KvsErrorKind.Credentials"/>, code <see cref="KvsErrorCodes.CredentialsUnavailable"/>.
/// </summary>
public sealed class KvsCredentialsException : KvsSignalingException
{
    /// <summary>Creates a credentials error.</summary>
    /// <param name="message">What failed and, where there is one, what to do about it.</param>
    /// <param name="operation">The operation that needed the credentials, or null when they were resolved up front.</param>
    /// <param name="profileName">The profile the credentials came from, or null for explicit credentials and the default chain.</param>
    /// <param name="source">The kind of source that failed, for example <c>assume role</c>.</param>
    /// <param name="innerException">The SDK's error, if any.</param>
    public KvsCredentialsException(string message, string? operation, string? profileName, string source, Exception? innerException = null)
        : base(message, KvsErrorKind.Credentials, KvsErrorCodes.CredentialsUnavailable, operation, null, null, innerException)
    {
        ProfileName = profileName;
        CredentialSource = source;
    }

    /// <summary>The profile whose credentials failed, or null for explicit credentials and the default chain.</summary>
    public string? ProfileName { get; }

    /// <summary>
    /// The source that failed: <c>profile</c> (not found), <c>static keys</c>, <c>assume role</c>, <c>web identity</c>,
    /// <c>IAM Identity Center (SSO)</c>, <c>credential_process</c>, <c>container credentials</c>, <c>instance metadata</c>,
    /// <c>environment variables</c>, <c>explicit credentials</c> or <c>default credential chain</c>.
    /// </summary>
    public string CredentialSource { get; }
}
