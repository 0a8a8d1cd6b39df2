using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace KvsSignaling.PowerShell.Clients;

/// <summary>
/// What makes two clients different: the common parameters of a call plus the AWS environment
/// variables the core reads. Equal settings share one client, and so one endpoint cache.
/// </summary>
internal sealed class ClientSettings
{
    private static readonly string[] EnvironmentVariables =
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_KINESIS_VIDEO", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT", "AWS_MAX_ATTEMPTS",

        // Read by the SDK's default chain when the client first needs credentials.
        "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_SSO",
    };

    public ClientSettings(string? region, Uri? endpointUrl, string? profileName, string? accessKey, string? secretKey, string? sessionToken, double? maxRequestsPerSecond)
    {
        Region = region;
        EndpointUrl = endpointUrl;
        ProfileName = profileName;
        AccessKey = accessKey;
        SecretKey = secretKey;
        SessionToken = sessionToken;
        MaxRequestsPerSecond = maxRequestsPerSecond;
        Key = BuildKey();
    }

    public string? Region { get; }

    public Uri? EndpointUrl { get; }

    public string? ProfileName { get; }

    public string? AccessKey { get; }

    public string? SecretKey { get; }

    public string? SessionToken { get; }

    public double? MaxRequestsPerSecond { get; }

    /// <summary>
    /// Identifies the settings. Secrets enter it only through a hash, so the key itself is safe to
    /// hold for the session.
    /// </summary>
    public string Key { get; }

    /// <summary>The explicit credentials, or null to let the core resolve them like the AWS CLI.</summary>
    public AWSCredentials? CreateCredentials()
    {
        if (AccessKey is null || SecretKey is null)
        {
            return null;
        }

        return SessionToken is null
            ? new BasicAWSCredentials(AccessKey, SecretKey)
            : new SessionAWSCredentials(AccessKey, SecretKey, SessionToken);
    }

    private string BuildKey()
    {
        var text = new StringBuilder();
        foreach (var part in new[] { Region, EndpointUrl?.AbsoluteUri, ProfileName, AccessKey, SecretKey, SessionToken,
            MaxRequestsPerSecond?.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            text.Append(part ?? "\0").Append('\n');
        }

        foreach (var name in EnvironmentVariables)
        {
            text.Append(Environment.GetEnvironmentVariable(name) ?? "\0").Append('\n');
        }

        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
