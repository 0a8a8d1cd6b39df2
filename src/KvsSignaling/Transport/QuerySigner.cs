using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Util;

namespace KvsSignaling.Transport;

/// <summary>
/// SigV4 query-string signing (a presigned URL). The SDK's presigner leaves the session token out of the signed
/// canonical query, which the signaling service requires in it, so the query is built here; hashing, HMAC, hex and
/// RFC 3986 encoding are AWSSDK.Core's public helpers. Checked against the published AWS query-signing example.
/// </summary>
internal static class QuerySigner
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The hex SHA-256 of the empty string: the payload hash of a WebSocket upgrade.</summary>
    public static readonly string EmptyPayloadHash = Hex(CryptoUtilFactory.CryptoInstance.ComputeSHA256Hash(Array.Empty<byte>()));

    /// <summary>
    /// Returns <paramref name="endpoint"/> with its query replaced by <paramref name="parameters"/>, the X-Amz-* signing
    /// parameters (the session token among the signed ones) and X-Amz-Signature last. <c>host</c> is the only signed header.
    /// </summary>
    public static Uri Presign(
        Uri endpoint,
        IEnumerable<KeyValuePair<string, string>> parameters,
        ImmutableCredentials credentials,
        string region,
        string service,
        DateTime signedAtUtc,
        int expiresSeconds,
        string payloadHash)
    {
        var amzDate = signedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate.Substring(0, 8);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var query = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            query[parameter.Key] = parameter.Value;
        }

        query["X-Amz-Algorithm"] = Algorithm;
        query["X-Amz-Credential"] = credentials.AccessKey + "/" + scope;
        query["X-Amz-Date"] = amzDate;
        query["X-Amz-Expires"] = expiresSeconds.ToString(CultureInfo.InvariantCulture);
        query["X-Amz-SignedHeaders"] = "host";
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            query["X-Amz-Security-Token"] = credentials.Token;
        }

        // Keys and values are encoded first, then sorted by encoded key, as SigV4 orders the canonical query.
        var encoded = query
            .Select(p => new KeyValuePair<string, string>(Encode(p.Key), Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var canonicalQuery = string.Join("&", encoded.Select(p => p.Key + "=" + p.Value));
        var path = string.IsNullOrEmpty(endpoint.AbsolutePath) ? "/" : endpoint.AbsolutePath;
        var canonicalRequest = "GET\n" + path + "\n" + canonicalQuery + "\nhost:" + endpoint.Authority + "\n\nhost\n" + payloadHash;
        var stringToSign = Algorithm + "\n" + amzDate + "\n" + scope + "\n" + Hex(CryptoUtilFactory.CryptoInstance.ComputeSHA256Hash(Encoding.UTF8.GetBytes(canonicalRequest)));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        return new Uri(endpoint.GetLeftPart(UriPartial.Path) + "?" + canonicalQuery + "&X-Amz-Signature=" + signature, UriKind.Absolute);
    }

    private static byte[] Hmac(byte[] key, string data) =>
        CryptoUtilFactory.CryptoInstance.HMACSignBinary(Encoding.UTF8.GetBytes(data), key, SigningAlgorithm.HmacSHA256);

    private static string Hex(byte[] bytes) => AWSSDKUtils.ToHex(bytes, true);

    private static string Encode(string value) => AWSSDKUtils.UrlEncode(value, false);
}
