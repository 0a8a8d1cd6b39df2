using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace KvsSignaling.Configuration;

/// <summary>
/// Resolves who the client is — explicit credentials, a named profile, or the SDK's default credential chain — once,
/// then asks the resolved credentials for current keys on every request, so refreshing credentials (assumed roles,
/// IAM Identity Center, web identity, credential processes, containers) renew before they expire.
/// </summary>
internal sealed class CredentialSource
{
    private readonly AWSCredentials? _explicit;
    private readonly string? _profileName;
    private readonly string? _profilesLocation;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _resolved;

    public CredentialSource(AWSCredentials? credentials, string? profileName, string? profilesLocation)
    {
        _explicit = credentials;
        _profilesLocation = profilesLocation;
        _profileName = string.IsNullOrWhiteSpace(profileName) ? null : profileName;
    }

    /// <summary>Current keys for signing one request.</summary>
    /// <exception cref="KvsCredentialsException">No usable keys could be obtained.</exception>
    public async Task<ImmutableCredentials> GetAsync(string? operation, CancellationToken cancellationToken)
    {
        var credentials = _resolved ?? await ResolveAsync(operation, cancellationToken).ConfigureAwait(false);
        ImmutableCredentials? current;
        try
        {
            // Fixed keys are read in place: the base class's asynchronous path would hop to the thread pool on every request.
            current = credentials is BasicAWSCredentials or SessionAWSCredentials
                ? credentials.GetCredentials()
                : await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failure(operation, credentials, e);
        }

        if (current is null || string.IsNullOrEmpty(current.AccessKey) || string.IsNullOrEmpty(current.SecretKey))
        {
            throw new KvsCredentialsException(
                $"{Prefix(operation)}the AWS credentials {Origin(credentials)} are empty (no access key or secret key).", operation, _profileName, SourceName(credentials));
        }

        return current;
    }

    private async Task<AWSCredentials> ResolveAsync(string? operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_resolved is not null)
            {
                return _resolved;
            }

            _resolved = _explicit ?? FromProfile(operation) ?? await FromDefaultChainAsync(operation, cancellationToken).ConfigureAwait(false);
            return _resolved;
        }
        finally
        {
            _gate.Release();
        }
    }

    private AWSCredentials? FromProfile(string? operation)
    {
        if (_profileName is null)
        {
            return null;
        }

        var store = ProfileStore.Open(_profilesLocation);
        if (!store.TryGetProfile(_profileName, out var profile))
        {
            throw ProfileNotFound(operation, _profileName, _profilesLocation);
        }

        try
        {
            return AWSCredentialsFactory.GetAWSCredentials(profile, store);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new KvsCredentialsException(
                $"{Prefix(operation)}the AWS profile '{_profileName}' holds no usable credentials: {e.Message}", operation, _profileName, "profile", e);
        }
    }

    /// <summary>The error for a named profile that is in none of the files looked in.</summary>
    public static KvsCredentialsException ProfileNotFound(string? operation, string profileName, string? profilesLocation) =>
        new($"{Prefix(operation)}the AWS profile '{profileName}' was not found in {ProfileStore.Describe(profilesLocation)}.", operation, profileName, "profile");

    private static async Task<AWSCredentials> FromDefaultChainAsync(string? operation, CancellationToken cancellationToken)
    {
        try
        {
            return await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new KvsCredentialsException(
                $"{Prefix(operation)}no AWS credentials were found. The default chain looked in the environment (AWS_ACCESS_KEY_ID, AWS_PROFILE), " +
                "the shared config and credentials files, web identity (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE), container credentials " +
                $"(AWS_CONTAINER_CREDENTIALS_FULL_URI) and instance metadata ({e.Message}). Pass credentials or a profile name.",
                operation, null, "default credential chain", e);
        }
    }

    private KvsCredentialsException Failure(string? operation, AWSCredentials credentials, Exception e)
    {
        var source = SourceName(credentials);
        var message = $"{Prefix(operation)}the AWS credentials {Origin(credentials)} could not be obtained ({e.GetType().Name}: {e.Message}).";
        if (credentials is SSOAWSCredentials)
        {
            // The SDK cannot open a browser for an interactive login; the AWS CLI can, and caches the token it reads.
            message += _profileName is null
                ? " Sign in again with `aws sso login` and retry."
                : $" The IAM Identity Center sign-in is missing or has expired: run `aws sso login --profile {_profileName}` and retry.";
        }

        return new KvsCredentialsException(message, operation, _profileName, source, e);
    }

    private string Origin(AWSCredentials credentials) =>
        _profileName is null ? $"({SourceName(credentials)})" : $"of profile '{_profileName}' ({SourceName(credentials)})";

    private string SourceName(AWSCredentials credentials) => credentials switch
    {
        _ when ReferenceEquals(credentials, _explicit) => "explicit credentials",
        AssumeRoleWithWebIdentityCredentials => "web identity",
        AssumeRoleAWSCredentials => "assume role",
        SSOAWSCredentials => "IAM Identity Center (SSO)",
        ProcessAWSCredentials => "credential_process",
        GenericContainerCredentials => "container credentials",
        EnvironmentVariablesAWSCredentials => "environment variables",
        InstanceProfileAWSCredentials => "instance metadata",
        BasicAWSCredentials or SessionAWSCredentials => "static keys",
        _ => credentials.GetType().Name,
    };

    private static string Prefix(string? operation) => operation is null ? string.Empty : operation + ": ";
}
