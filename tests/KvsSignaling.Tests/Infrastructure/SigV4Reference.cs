using System.Security.Cryptography;
using System.Text;

namespace KvsSignaling.Tests.Infrastructure;

/// <summary>
/// An independent SigV4 computation for the tests only (the client signs with the AWS SDK): derives the signing key
/// and the signature of a canonical request, and checks a request received by the loopback server.
/// </summary>
internal static class SigV4Reference
{
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string Sha256Hex(byte[] data) => Hex(SHA256.HashData(data));

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static string Signature(string secretKey, string date, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>Verifies a received request's Authorization header; returns the failure, or null when it is valid.</summary>
    public static string? Verify(RecordedRequest request, string secretKey)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "no SigV4 Authorization header";
        }

        var fields = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var scope = fields["Credential"].Split('/', 2)[1];
        var scopeParts = scope.Split('/');
        var signedHeaders = fields["SignedHeaders"].Split(';');
        var canonicalHeaders = string.Concat(signedHeaders.Select(name => name + ":" + (name == "host" ? request.Header("Host") : request.Header(name))?.Trim() + "\n"));
        var path = request.Target.Split('?')[0];
        var payloadHash = Sha256Hex(request.Body);
        if (request.Header("x-amz-content-sha256") is { } declared && declared != payloadHash)
        {
            return "x-amz-content-sha256 does not match the body";
        }

        var canonical = $"{request.Method}\n{path}\n\n{canonicalHeaders}\n{fields["SignedHeaders"]}\n{payloadHash}";
        var amzDate = request.Header("X-Amz-Date") ?? string.Empty;
        var expected = Signature(secretKey, scopeParts[0], scopeParts[1], scopeParts[2], StringToSign(amzDate, scope, canonical));
        return expected == fields["Signature"] ? null : "signature mismatch";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
