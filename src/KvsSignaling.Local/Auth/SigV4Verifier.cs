using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Auth;

/// <summary>
/// Checks a request's Signature Version 4 header signature the way the service does, answering the same
/// error types. Written from the SigV4 specification and test suite, independently of any client signer.
/// </summary>
internal sealed partial class SigV4Verifier(CredentialStore credentials, TimeProvider time)
{
    public const string ServiceName = "kinesisvideo";

    internal const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public CallerIdentity Verify(SignableRequest request, ReadOnlySpan<byte> body)
    {
        var header = request.FirstValueOf("Authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new ServiceErrorException(ServiceError.MissingAuthenticationToken());
        }

        var authorization = AuthorizationHeader.Parse(header.Trim());
        var amzDate = request.FirstValueOf("X-Amz-Date");
        if (amzDate is null)
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                "Authorization header requires an 'X-Amz-Date' header; kvs-local does not accept the HTTP 'Date' header in its place."));
        }

        if (!DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"X-Amz-Date '{amzDate}' is not an ISO-8601 basic timestamp such as 20150830T123600Z."));
        }

        CheckScope(authorization, amzDate);
        CheckHostIsSigned(authorization);

        var credential = credentials.Find(authorization.AccessKeyId) ?? throw new ServiceErrorException(ServiceError.UnrecognizedClient());
        CheckClock(signedAt);
        CheckSessionToken(request.FirstValueOf("X-Amz-Security-Token"), credential, time.GetUtcNow());

        var payloadHash = PayloadHash(request, body);
        var computed = SignatureComputation.Compute(request, authorization, amzDate, payloadHash, credential.SecretAccessKey);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed.Signature), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n" +
                $"The Canonical String for this request should have been\n'{RedactToken(computed.CanonicalRequest)}'\n\n" +
                $"The String-to-Sign should have been\n'{computed.StringToSign}'\n"));
        }

        return new CallerIdentity(credential.AccessKeyId, credential.AccountId, authorization.Region);
    }

    internal static void CheckScope(AuthorizationHeader authorization, string amzDate)
    {
        if (authorization.Terminator != "aws4_request")
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Credential should be scoped with a valid terminator: 'aws4_request', not '{authorization.Terminator}'."));
        }

        if (authorization.Service != ServiceName)
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Credential should be scoped to correct service: '{ServiceName}'."));
        }

        if (!RegionPattern().IsMatch(authorization.Region))
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Credential should be scoped to a valid region, not '{authorization.Region}'."));
        }

        if (authorization.Date != amzDate[..8])
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..8]}', from '{amzDate}'."));
        }
    }

    internal static void CheckHostIsSigned(AuthorizationHeader authorization)
    {
        if (!authorization.SignedHeaders.Contains("host"))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
        }
    }

    private void CheckClock(DateTimeOffset signedAt)
    {
        var now = time.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Signature expired: {Format(signedAt)} is now earlier than {Format(now - AllowedSkew)} ({Format(now)} - 15 min.)"));
        }

        if (signedAt > now + AllowedSkew)
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Signature not yet current: {Format(signedAt)} is still later than {Format(now + AllowedSkew)} ({Format(now)} + 15 min.)"));
        }
    }

    internal static void CheckSessionToken(string? token, KvsLocalCredential credential, DateTimeOffset now)
    {
        if (credential.SessionToken is null)
        {
            if (token is not null)
            {
                throw new ServiceErrorException(ServiceError.UnrecognizedClient());
            }

            return;
        }

        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(credential.SessionToken)))
        {
            throw new ServiceErrorException(ServiceError.UnrecognizedClient());
        }

        if (credential.Expiration is { } expiration && now >= expiration)
        {
            throw new ServiceErrorException(ServiceError.ExpiredToken());
        }
    }

    private static string PayloadHash(SignableRequest request, ReadOnlySpan<byte> body)
    {
        var computed = SigningKey.Sha256Hex(body);
        var declared = request.FirstValueOf("X-Amz-Content-SHA256");
        if (declared is null || declared == "UNSIGNED-PAYLOAD")
        {
            return declared ?? computed;
        }

        if (!string.Equals(declared, computed, StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                "The provided 'x-amz-content-sha256' header does not match what was computed."));
        }

        return declared;
    }

    // The canonical request may carry the session token; the explanation must not.
    private static string RedactToken(string canonicalRequest) =>
        SecurityTokenLine().Replace(canonicalRequest, "x-amz-security-token:<redacted>");

    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z]{2,}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^x-amz-security-token:.*$", RegexOptions.Multiline)]
    private static partial Regex SecurityTokenLine();
}
