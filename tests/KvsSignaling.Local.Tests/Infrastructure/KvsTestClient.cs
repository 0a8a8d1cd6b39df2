using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>
/// Calls kvs-local as an AWS client would, signing with AWSSDK.Core's public SigV4 signer (an implementation
/// independent of kvs-local's verifier). Each property bends one part of the signing for rejection tests.
/// </summary>
internal sealed class KvsTestClient(Uri baseUrl)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static readonly Lazy<Dictionary<string, string>> ModelPaths = new(() =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(ContractFiles.ServiceModel)).RootElement.GetProperty("operations").EnumerateObject()
            .ToDictionary(op => op.Name, op => op.Value.GetProperty("http").GetProperty("requestUri").GetString()!, StringComparer.Ordinal));

    public string AccessKeyId { get; init; } = KvsLocalCredential.DefaultAccessKeyId;

    public string SecretAccessKey { get; init; } = KvsLocalCredential.DefaultSecretAccessKey;

    public string? SessionToken { get; init; }

    public string Region { get; init; } = "us-west-2";

    public string Service { get; init; } = "kinesisvideo";

    public DateTime? SignedAt { get; init; }

    public HttpClient HttpClient { get; init; } = Http;

    public static HttpClient DefaultHttpClient => Http;

    /// <summary>The path the contract's model binds an operation to (most are camel-cased, the tag operations are not).</summary>
    public static string PathOf(string operation) =>
        ModelPaths.Value.TryGetValue(operation, out var path) ? path : "/" + char.ToLowerInvariant(operation[0]) + operation[1..];

    public Task<KvsResponse> CallAsync(string operation, JsonNode? input = null, Action<HttpRequestMessage>? afterSigning = null) =>
        SendAsync(HttpMethod.Post, PathOf(operation), Encoding.UTF8.GetBytes((input ?? new JsonObject()).ToJsonString()), afterSigning);

    public async Task<KvsResponse> SendAsync(HttpMethod method, string path, byte[] body, Action<HttpRequestMessage>? afterSigning = null)
    {
        using var request = Sign(method, path, body);
        afterSigning?.Invoke(request);
        using var response = await HttpClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new KvsResponse(
            response.StatusCode,
            response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.Single() : null,
            response.Headers.TryGetValues("x-amzn-RequestId", out var id) ? id.Single() : null,
            text,
            response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<JsonNode> CallOkAsync(string operation, JsonNode? input = null)
    {
        var response = await CallAsync(operation, input);
        Assert.True(response.Status == System.Net.HttpStatusCode.OK, $"{operation} failed: {response}");
        return response.Json!;
    }

    public async Task<string> CreateChannelAsync(string name) =>
        (string)(await CallOkAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = name }))["ChannelARN"]!;

    public HttpRequestMessage Sign(HttpMethod method, string path, byte[] body)
    {
        var uri = new Uri(baseUrl, path);
        var signing = new AWSSigningRequest { HttpMethod = method, RequestUri = uri, Content = body };
        signing.Headers["Content-Type"] = "application/json";
        AWSCredentials credentials = SessionToken is null
            ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey)
            : new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);
        var result = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(Region),
            Service = Service,
            SignPayload = true,
            SignedAt = SignedAt,
        });

        var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in result.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
