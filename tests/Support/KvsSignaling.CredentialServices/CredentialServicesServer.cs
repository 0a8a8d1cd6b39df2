using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KvsSignaling.CredentialServices;

/// <summary>
/// STS (AssumeRole, AssumeRoleWithWebIdentity; query protocol), the IAM Identity Center portal
/// (GetRoleCredentials) and a container credentials endpoint on one loopback port. The AWS SDK reaches
/// the first two through AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_SSO, the last through
/// AWS_CONTAINER_CREDENTIALS_FULL_URI.
/// </summary>
public sealed class CredentialServicesServer : IAsyncDisposable
{
    /// <summary>The account every role and credential belongs to (kvs-local's default account).</summary>
    public const string AccountId = "123456789012";

    /// <summary>The container endpoint's path.</summary>
    public const string ContainerPath = "/container/credentials";

    /// <summary>Where the <c>process</c> command of this program gets what a credential_process prints.</summary>
    public const string ProcessPath = "/process/credentials";

    private readonly WebApplication _app;
    private readonly CredentialServicesOptions _options;
    private readonly ConcurrentQueue<ServiceCall> _calls = new();
    private readonly ConcurrentDictionary<string, byte> _issued = new(StringComparer.Ordinal);

    private CredentialServicesServer(WebApplication app, CredentialServicesOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The container credentials URL.</summary>
    public Uri ContainerUrl => new(BaseUrl, ContainerPath);

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<ServiceCall> Calls => _calls.ToArray();

    /// <summary>Starts the services on a free loopback port.</summary>
    public static async Task<CredentialServicesServer> StartAsync(CredentialServicesOptions options, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new CredentialServicesServer(app, options);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/_calls")
        {
            await WriteAsync(context, 200, "application/json", JsonSerializer.Serialize(Calls)).ConfigureAwait(false);
        }
        else if (request.Path == ContainerPath)
        {
            await ContainerAsync(context).ConfigureAwait(false);
        }
        else if (request.Path == ProcessPath)
        {
            await ProcessAsync(context).ConfigureAwait(false);
        }
        else if (request.Path == "/federation/credentials")
        {
            await RoleCredentialsAsync(context).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            await StsAsync(context).ConfigureAwait(false);
        }
        else
        {
            await WriteAsync(context, 404, "text/plain", $"No credential service at {request.Method} {request.Path}.").ConfigureAwait(false);
        }
    }

    private async Task StsAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var action = form["Action"].ToString();
        var roleArn = form["RoleArn"].ToString();
        var sessionName = form["RoleSessionName"].ToString();
        string? caller = null;
        string? refusal = null;
        if (action == "AssumeRole")
        {
            caller = SigningAccessKey(context.Request);
            if (caller is null || !(_options.SourceAccessKeys.Contains(caller) || _issued.ContainsKey(caller)))
            {
                refusal = $"InvalidClientTokenId: the access key '{caller}' is not known to STS.";
            }
        }
        else if (action == "AssumeRoleWithWebIdentity")
        {
            if (form["WebIdentityToken"].ToString() != _options.WebIdentityToken)
            {
                refusal = "InvalidIdentityToken: the web identity token is not the expected one.";
            }
        }
        else
        {
            refusal = $"InvalidAction: '{action}' is not served here.";
        }

        if (refusal is null && !_options.Roles.Contains(roleArn))
        {
            refusal = $"AccessDenied: the role '{roleArn}' may not be assumed.";
        }

        if (refusal is null && string.IsNullOrEmpty(sessionName))
        {
            refusal = "ValidationError: RoleSessionName is required.";
        }

        var issued = refusal is null ? Issue() : null;
        if (refusal is null && issued is null)
        {
            refusal = "ExpiredToken: the schedule of temporary credentials has run out.";
        }

        _calls.Enqueue(new ServiceCall("sts", action, roleArn, caller, issued?.Credential.AccessKeyId, refusal));
        if (refusal is not null)
        {
            var code = refusal[..refusal.IndexOf(':', StringComparison.Ordinal)];
            await WriteAsync(context, 403, "text/xml", $"""
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(refusal)}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>
                """).ConfigureAwait(false);
            return;
        }

        var (credential, expiration) = issued!.Value;
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var extra = action == "AssumeRoleWithWebIdentity" ? "<SubjectFromWebIdentityToken>system:serviceaccount:kvs:camera</SubjectFromWebIdentityToken><Provider>oidc.local</Provider><Audience>sts.amazonaws.com</Audience>" : string.Empty;
        await WriteAsync(context, 200, "text/xml", $"""
            <{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><{action}Result>{extra}<AssumedRoleUser><AssumedRoleId>AROAKVSLOCAL:{SecurityElement.Escape(sessionName)}</AssumedRoleId><Arn>arn:aws:sts::{AccountId}:assumed-role/{SecurityElement.Escape(roleName)}/{SecurityElement.Escape(sessionName)}</Arn></AssumedRoleUser><Credentials><AccessKeyId>{credential.AccessKeyId}</AccessKeyId><SecretAccessKey>{credential.SecretAccessKey}</SecretAccessKey><SessionToken>{credential.SessionToken}</SessionToken><Expiration>{Iso(expiration)}</Expiration></Credentials></{action}Result><ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{action}Response>
            """).ConfigureAwait(false);
    }

    private async Task RoleCredentialsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var subject = $"{query["account_id"]}/{query["role_name"]}";
        string? refusal = context.Request.Headers["x-amz-sso_bearer_token"].ToString() == _options.SsoAccessToken
            ? null
            : "UnauthorizedException: Session token not found or invalid";
        var issued = refusal is null ? Issue() : null;
        _calls.Enqueue(new ServiceCall("sso", "GetRoleCredentials", subject, null, issued?.Credential.AccessKeyId, refusal));
        if (issued is not { } grant)
        {
            context.Response.Headers["x-amzn-ErrorType"] = "UnauthorizedException";
            await WriteAsync(context, 401, "application/json", JsonSerializer.Serialize(new { message = refusal ?? "no credentials left" })).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, "application/json", JsonSerializer.Serialize(new
        {
            roleCredentials = new
            {
                accessKeyId = grant.Credential.AccessKeyId,
                secretAccessKey = grant.Credential.SecretAccessKey,
                sessionToken = grant.Credential.SessionToken,
                expiration = grant.ReportedExpiration.ToUnixTimeMilliseconds(),
            },
        })).ConfigureAwait(false);
    }

    private async Task ContainerAsync(HttpContext context)
    {
        string? refusal = context.Request.Headers.Authorization.ToString() == _options.ContainerAuthorizationToken
            ? null
            : "AccessDenied: the Authorization header is not the container's token.";
        var issued = refusal is null ? Issue() : null;
        _calls.Enqueue(new ServiceCall("container", "GetCredentials", ContainerPath, null, issued?.Credential.AccessKeyId, refusal));
        if (issued is not { } grant)
        {
            await WriteAsync(context, 403, "application/json", JsonSerializer.Serialize(new { code = "AccessDenied", message = refusal ?? "no credentials left" })).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, "application/json", JsonSerializer.Serialize(new
        {
            AccessKeyId = grant.Credential.AccessKeyId,
            SecretAccessKey = grant.Credential.SecretAccessKey,
            Token = grant.Credential.SessionToken,
            Expiration = Iso(grant.ReportedExpiration),
            RoleArn = $"arn:aws:iam::{AccountId}:role/kvs-task",
        })).ConfigureAwait(false);
    }

    private async Task ProcessAsync(HttpContext context)
    {
        var issued = Issue();
        _calls.Enqueue(new ServiceCall("process", "GetCredentials", ProcessPath, null, issued?.Credential.AccessKeyId, issued is null ? "no credentials left" : null));
        if (issued is not { } grant)
        {
            await WriteAsync(context, 503, "text/plain", "no credentials left").ConfigureAwait(false);
            return;
        }

        // The credential_process output format: https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
        await WriteAsync(context, 200, "application/json", JsonSerializer.Serialize(new
        {
            Version = 1,
            AccessKeyId = grant.Credential.AccessKeyId,
            SecretAccessKey = grant.Credential.SecretAccessKey,
            SessionToken = grant.Credential.SessionToken,
            Expiration = Iso(grant.ReportedExpiration),
        })).ConfigureAwait(false);
    }

    private (TemporaryCredential Credential, DateTimeOffset ReportedExpiration)? Issue()
    {
        var current = _options.Schedule.Current(DateTimeOffset.UtcNow);
        if (current is { } grant)
        {
            _issued.TryAdd(grant.Credential.AccessKeyId, 0);
        }

        return current;
    }

    private static string? SigningAccessKey(HttpRequest request)
    {
        // AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws4_request, SignedHeaders=..., Signature=...
        const string marker = "Credential=";
        var header = request.Headers.Authorization.ToString();
        var start = header.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = header.IndexOf('/', start);
        return end < 0 ? null : header[start..end];
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body).ConfigureAwait(false);
    }
}
