using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>
/// Presigns WebSocket URLs as the AWS WebRTC SDKs do (SigV4 query string, host the only signed header, the
/// session token signed), written here from the specification so kvs-local's verifier is checked against an
/// implementation it shares nothing with. Each property bends one part of the signing for rejection tests.
/// </summary>
internal sealed class TestPresigner
{
    public string AccessKeyId { get; init; } = KvsLocalCredential.DefaultAccessKeyId;

    public string SecretAccessKey { get; init; } = KvsLocalCredential.DefaultSecretAccessKey;

    public string? SessionToken { get; init; }

    /// <summary>False adds the session token after signing, as services that leave it out of the canonical query expect.</summary>
    public bool SignSessionToken { get; init; } = true;

    public string Region { get; init; } = "us-west-2";

    public string Service { get; init; } = "kinesisvideo";

    public DateTimeOffset? SignedAt { get; init; }

    public int Expires { get; init; } = 299;

    /// <summary>True puts X-Amz-Signature first in the query (the C SDK's position varies), false last (the JS SDK).</summary>
    public bool SignatureFirst { get; init; }

    /// <summary>Builds the URL for <paramref name="endpoint"/> (a WSS endpoint as GetSignalingChannelEndpoint answers it).</summary>
    public Uri Presign(string endpoint, string? channelArn, string? clientId, IReadOnlyDictionary<string, string>? extra = null)
    {
        var uri = new Uri(endpoint);
        var amzDate = (SignedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{amzDate[..8]}/{Region}/{Service}/aws4_request";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
            ["X-Amz-Credential"] = $"{AccessKeyId}/{scope}",
            ["X-Amz-Date"] = amzDate,
            ["X-Amz-Expires"] = Expires.ToString(CultureInfo.InvariantCulture),
            ["X-Amz-SignedHeaders"] = "host",
        };
        if (channelArn is not null)
        {
            parameters["X-Amz-ChannelARN"] = channelArn;
        }

        if (clientId is not null)
        {
            parameters["X-Amz-ClientId"] = clientId;
        }

        if (SessionToken is not null && SignSessionToken)
        {
            parameters["X-Amz-Security-Token"] = SessionToken;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        var canonical = $"GET\n{path}\n{query}\nhost:{uri.Authority}\n\nhost\n{Hex(SHA256.HashData([]))}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretAccessKey), amzDate[..8]);
        key = Hmac(Hmac(Hmac(key, Region), Service), "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        if (SessionToken is not null && !SignSessionToken)
        {
            query += "&X-Amz-Security-Token=" + Uri.EscapeDataString(SessionToken);
        }

        var signed = SignatureFirst ? $"X-Amz-Signature={signature}&{query}" : $"{query}&X-Amz-Signature={signature}";
        return new Uri($"{uri.Scheme}://{uri.Authority}{path}?{signed}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
