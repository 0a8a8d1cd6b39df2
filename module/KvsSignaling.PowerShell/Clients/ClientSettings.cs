using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace KvsSignaling.PowerShell.Clients;

/// <summary>
/// What makes two clients different: the common parameters of a call plus the environment variables the core
/// publishes that it reads. Equal settings share one client, and so one endpoint cache.
/// </summary>
internal sealed class ClientSettings
{
    public string? Region { get; set; }

    public Uri? EndpointUrl { get; set; }

    public string? ProfileName { get; set; }

    public string? ProfileLocation { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>Credentials passed as an object (AWS Tools' own, read by shape), or null.</summary>
    public AWSCredentials? Credentials { get; set; }

    public double? MaxRequestsPerSecond { get; set; }

    public int? MaxAttempts { get; set; }

    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// Identifies the settings. Secrets enter it only through a hash, so the key itself is safe to
    /// hold for the session.
    /// </summary>
    public string Key => key ??= BuildKey();

    private string? key;

    /// <summary>The explicit credentials, or null to let the core resolve them like the AWS CLI.</summary>
    public AWSCredentials? CreateCredentials()
    {
        if (Credentials is not null)
        {
            return Credentials;
        }

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
        foreach (var part in new[]
        {
            Region, EndpointUrl?.OriginalString, ProfileName, ProfileLocation, AccessKey, SecretKey, SessionToken,
            Credentials is null ? null : "object:" + RuntimeHelpers.GetHashCode(Credentials),
            MaxRequestsPerSecond?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MaxAttempts?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AttemptTimeout?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            text.Append(part ?? "\0").Append('\n');
        }

        foreach (var name in KvsSignalingClientOptions.EnvironmentVariableNames)
        {
            text.Append(Environment.GetEnvironmentVariable(name) ?? "\0").Append('\n');
        }

        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
