using System.Net;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime.Signing;

namespace KvsSignaling.Bench;

/// <summary>
/// The baseline contender: a pooled HttpClient and the AWS SDK's public SigV4 signer, no retries, no cache,
/// the least any client must do for one GetSignalingChannelEndpoint (sign, send, parse the endpoints).
/// </summary>
internal sealed class RawLookup : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false, AllowAutoRedirect = false });
    private readonly Uri _uri;
    private readonly RegionEndpoint _region = RegionEndpoint.GetBySystemName(LocalCredentials.Region);
    private readonly Amazon.Runtime.BasicAWSCredentials _credentials = LocalCredentials.Create();

    public RawLookup(Uri endpoint) => _uri = new Uri(endpoint, "/getSignalingChannelEndpoint");

    public async Task LookupAsync(string arn)
    {
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"ChannelARN":{{{JsonSerializer.Serialize(arn)}}},"SingleMasterChannelEndpointConfiguration":{"Protocols":["WSS","HTTPS"],"Role":"MASTER"}}""");
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _uri, Content = body };
        signing.Headers["content-type"] = "application/json";
        signing.Headers["host"] = _uri.Authority;
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = _credentials,
            Region = _region,
            Service = "kinesisvideo",
            SignedAt = DateTime.UtcNow,
            SignPayload = true,
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        foreach (var header in signed.Headers)
        {
            if (!header.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GetSignalingChannelEndpoint answered {(int)response.StatusCode}");
        }

        using var json = JsonDocument.Parse(bytes);
        if (json.RootElement.GetProperty("ResourceEndpointList").GetArrayLength() != 2)
        {
            throw new InvalidOperationException("GetSignalingChannelEndpoint did not answer two endpoints");
        }
    }

    public void Dispose() => _http.Dispose();
}
