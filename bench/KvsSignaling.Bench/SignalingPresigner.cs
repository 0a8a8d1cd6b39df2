using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KvsSignaling.Bench;

/// <summary>Presigns a WSS endpoint the way the WebRTC SDKs do (SigV4 query string, host signed), for kvs-local's default credential.</summary>
internal static class SignalingPresigner
{
    // kvs-local's published default secret (docs/kvs-local.md); it means nothing outside kvs-local.
    private const string SecretKey = "kvs-local-secret";

    public static Uri Presign(Uri endpoint, string channelArn, string? clientId)
    {
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{amzDate[..8]}/{LocalCredentials.Region}/kinesisvideo/aws4_request";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["X-Amz-Algorithm"] = "AWS4-HMAC-SHA256",
            ["X-Amz-ChannelARN"] = channelArn,
            ["X-Amz-Credential"] = $"{LocalCredentials.AccessKey}/{scope}",
            ["X-Amz-Date"] = amzDate,
            ["X-Amz-Expires"] = "299",
            ["X-Amz-SignedHeaders"] = "host",
        };
        if (clientId is not null)
        {
            parameters["X-Amz-ClientId"] = clientId;
        }

        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var path = endpoint.AbsolutePath.Length == 0 ? "/" : endpoint.AbsolutePath;
        var canonical = $"GET\n{path}\n{query}\nhost:{endpoint.Authority}\n\nhost\n{Convert.ToHexStringLower(SHA256.HashData([]))}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretKey), amzDate[..8]);
        key = Hmac(Hmac(Hmac(key, LocalCredentials.Region), "kinesisvideo"), "aws4_request");
        return new Uri($"{endpoint.Scheme}://{endpoint.Authority}{path}?{query}&X-Amz-Signature={Convert.ToHexStringLower(Hmac(key, stringToSign))}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
