using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace KvsSignaling.Configuration;

/// <summary>
/// Resolves who the client is — explicit credentials, a named profile, or the SDK's default credential chain — once,
/// then asks the resolved credentials for current keys on every request, so refreshing credentials renew before expiry.
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
    public async Task<ImmutableCredentials> GetAsync(string operation, CancellationToken cancellationToken)
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
            throw new KvsSignalingException($"{operation}: the AWS credentials could not be obtained ({e.GetType().Name}: {e.Message}).", operation, null, null, null, e);
        }

        if (current is null || string.IsNullOrEmpty(current.AccessKey) || string.IsNullOrEmpty(current.SecretKey))
        {
            throw new KvsSignalingException($"{operation}: the AWS credentials are empty (no access key or secret key).", operation, null, null, null);
        }

        return current;
    }

    private async Task<AWSCredentials> ResolveAsync(string operation, CancellationToken cancellationToken)
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

    private AWSCredentials? FromProfile(string operation)
    {
        if (_profileName is null)
        {
            return null;
        }

        if (ProfileStore.Open(_profilesLocation).TryGetAWSCredentials(_profileName, out var credentials))
        {
            return credentials;
        }

        throw new KvsSignalingException($"{operation}: the AWS profile '{_profileName}' was not found or holds no usable credentials.", operation, null, null, null);
    }

    private static async Task<AWSCredentials> FromDefaultChainAsync(string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new KvsSignalingException($"{operation}: no AWS credentials were found by the default credential chain ({e.Message}). Pass credentials or a profile name.", operation, null, null, null, e);
        }
    }
}
