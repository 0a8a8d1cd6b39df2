using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KvsSignaling.CredentialServices;

/// <summary>
/// One way real accounts get credentials, set up in a folder of its own: the shared config and
/// credentials files, token files, the IAM Identity Center token cache under a home folder, and the
/// environment a process needs to use them against <see cref="CredentialServicesServer"/>.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="ProfileName">The profile to pass, or null for the default chain.</param>
/// <param name="Environment">Variables to set (a null value: unset) in the process that uses the scenario.</param>
/// <param name="Source">The credential source, as the client's errors name it.</param>
/// <param name="ExpectedFailure">Null when the scenario yields credentials; otherwise a phrase the error must contain.</param>
public sealed record CredentialScenario(string Name, string? ProfileName, IReadOnlyDictionary<string, string?> Environment, string Source, string? ExpectedFailure)
{
    /// <summary>The long-term keys of the <c>base</c> profile, which role profiles use as their source.</summary>
    public const string BaseAccessKey = "AKIDKVSBASESOURCE";

    /// <summary>The long-term keys that <c>credential_source = Environment</c> reads.</summary>
    public const string EnvironmentAccessKey = "AKIDKVSENVSOURCE";

    /// <summary>Roles the scenarios assume.</summary>
    public static readonly IReadOnlyList<string> Roles =
    [
        $"arn:aws:iam::{CredentialServicesServer.AccountId}:role/kvs-operator",
        $"arn:aws:iam::{CredentialServicesServer.AccountId}:role/kvs-camera-admin",
        $"arn:aws:iam::{CredentialServicesServer.AccountId}:role/kvs-web-identity",
    ];

    /// <summary>Every scenario's name.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "assume-role", "role-chaining", "credential-source-environment", "web-identity-environment", "web-identity-profile",
        "sso-session", "sso-legacy", "sso-expired", "credential-process", "container", "unknown-profile", "no-credentials",
    ];

    /// <summary>The variables a scenario controls; every one not set by the scenario is unset.</summary>
    public static readonly IReadOnlyList<string> ControlledVariables =
    [
        "HOME", "USERPROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_SSO", "AWS_EC2_METADATA_DISABLED",
    ];

    /// <summary>Writes the files of scenario <paramref name="name"/> into <paramref name="folder"/> and returns how to use it.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="folder">An empty folder of the scenario's own.</param>
    /// <param name="services">The running credential services.</param>
    /// <param name="options">What the services accept (tokens).</param>
    public static CredentialScenario Create(string name, string folder, Uri services, CredentialServicesOptions options)
    {
        var home = Path.Combine(folder, "home");
        var cache = Path.Combine(home, ".aws", "sso", "cache");
        Directory.CreateDirectory(cache);
        var tokenFile = Path.Combine(folder, "web-identity-token");
        File.WriteAllText(tokenFile, options.WebIdentityToken);
        var config = Path.Combine(folder, "config");
        var credentials = Path.Combine(folder, "credentials");
        File.WriteAllText(credentials, $"""
            [base]
            aws_access_key_id = {BaseAccessKey}
            aws_secret_access_key = base-source-secret

            """);
        File.WriteAllText(config, $"""
            [profile role]
            role_arn = {Roles[0]}
            source_profile = base
            role_session_name = kvs-role
            region = us-west-2

            [profile chained]
            role_arn = {Roles[1]}
            source_profile = role
            role_session_name = kvs-chained

            [profile from-environment]
            role_arn = {Roles[0]}
            credential_source = Environment
            role_session_name = kvs-from-environment

            [profile web-identity]
            role_arn = {Roles[2]}
            web_identity_token_file = {tokenFile}
            role_session_name = kvs-web-identity

            [profile sso]
            sso_session = corp
            sso_account_id = {CredentialServicesServer.AccountId}
            sso_role_name = KvsOperator
            region = us-west-2

            [sso-session corp]
            sso_start_url = https://d-9067c2a1b2.awsapps.com/start
            sso_region = us-west-2
            sso_registration_scopes = sso:account:access

            [profile sso-legacy]
            sso_start_url = https://d-9067a1b2c3.awsapps.com/start
            sso_region = us-west-2
            sso_account_id = {CredentialServicesServer.AccountId}
            sso_role_name = KvsOperator

            [profile sso-expired]
            sso_session = expired
            sso_account_id = {CredentialServicesServer.AccountId}
            sso_role_name = KvsOperator

            [sso-session expired]
            sso_start_url = https://d-9067e1e2e3.awsapps.com/start
            sso_region = us-west-2
            sso_registration_scopes = sso:account:access

            [profile process]
            credential_process = {ProcessCommand(services)}

            """);

        var now = DateTimeOffset.UtcNow;
        WriteSsoToken(cache, "corp", "https://d-9067c2a1b2.awsapps.com/start", options.SsoAccessToken, now.AddHours(1));
        WriteSsoToken(cache, "https://d-9067a1b2c3.awsapps.com/start", "https://d-9067a1b2c3.awsapps.com/start", options.SsoAccessToken, now.AddHours(1));
        WriteSsoToken(cache, "expired", "https://d-9067e1e2e3.awsapps.com/start", options.SsoAccessToken, now.AddHours(-1));

        var environment = ControlledVariables.ToDictionary(v => v, _ => (string?)null, StringComparer.Ordinal);
        environment["HOME"] = home;
        environment["USERPROFILE"] = home;
        environment["AWS_CONFIG_FILE"] = config;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = credentials;
        environment["AWS_REGION"] = "us-west-2";
        environment["AWS_ENDPOINT_URL_STS"] = services.AbsoluteUri;
        environment["AWS_ENDPOINT_URL_SSO"] = services.AbsoluteUri;
        environment["AWS_EC2_METADATA_DISABLED"] = "true";

        switch (name)
        {
            case "assume-role":
                return new(name, "role", environment, "assume role", null);
            case "role-chaining":
                return new(name, "chained", environment, "assume role", null);
            case "credential-source-environment":
                environment["AWS_ACCESS_KEY_ID"] = EnvironmentAccessKey;
                environment["AWS_SECRET_ACCESS_KEY"] = "environment-source-secret";
                return new(name, "from-environment", environment, "assume role", null);
            case "web-identity-environment":
                environment["AWS_ROLE_ARN"] = Roles[2];
                environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
                environment["AWS_ROLE_SESSION_NAME"] = "kvs-web-identity-environment";
                return new(name, null, environment, "web identity", null);
            case "web-identity-profile":
                return new(name, "web-identity", environment, "web identity", null);
            case "sso-session":
                return new(name, "sso", environment, "IAM Identity Center (SSO)", null);
            case "sso-legacy":
                return new(name, "sso-legacy", environment, "IAM Identity Center (SSO)", null);
            case "sso-expired":
                return new(name, "sso-expired", environment, "IAM Identity Center (SSO)", "aws sso login --profile sso-expired");
            case "credential-process":
                return new(name, "process", environment, "credential_process", null);
            case "container":
                environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = new Uri(services, CredentialServicesServer.ContainerPath).AbsoluteUri;
                environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = options.ContainerAuthorizationToken;
                return new(name, null, environment, "container credentials", null);
            case "unknown-profile":
                return new(name, "no-such-profile", environment, "profile", "'no-such-profile'");
            case "no-credentials":
                return new(name, null, environment, "default credential chain", "no AWS credentials");
            default:
                throw new ArgumentException($"Scenario '{name}' is not one of: {string.Join(", ", Names)}.", nameof(name));
        }
    }

    /// <summary>The scenario as JSON, for scripts that start this program.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    private static string ProcessCommand(Uri services)
    {
        var host = System.Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var program = Path.ChangeExtension(typeof(CredentialScenario).Assembly.Location, ".dll");
        return $"\"{host}\" \"{program}\" process {new Uri(services, CredentialServicesServer.ProcessPath).AbsoluteUri}";
    }

    private static void WriteSsoToken(string cache, string key, string startUrl, string accessToken, DateTimeOffset expiresAt)
    {
        // The SDKs name a cached token after the SHA-1 of the sso-session name (or, for a legacy profile, of the start URL).
        var file = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant() + ".json";
        File.WriteAllText(Path.Combine(cache, file), JsonSerializer.Serialize(new
        {
            startUrl,
            region = "us-west-2",
            accessToken,
            expiresAt = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }));
    }
}
