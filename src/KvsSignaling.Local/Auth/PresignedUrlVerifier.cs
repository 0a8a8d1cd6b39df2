using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Auth;

/// <summary>
/// Checks a SigV4 query-string signature (a presigned WebSocket URL) as the signaling service does: every
/// query parameter but X-Amz-Signature is signed, the session token included, wherever the signature stands.
/// </summary>
internal sealed partial class PresignedUrlVerifier(CredentialStore credentials, TimeProvider time)
{
    private const int MaxExpiresSeconds = 604_800;
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private static readonly string EmptyPayloadHash = SigningKey.Sha256Hex([]);
    private static readonly string[] Required =
        ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"];

    public CallerIdentity Verify(SignableRequest request, QueryParameters query)
    {
        if (!Required.Any(query.Contains))
        {
            throw new ServiceErrorException(ServiceError.MissingAuthenticationToken());
        }

        var missing = Required.Where(name => !query.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"Query-string authentication requires the parameters {string.Join(", ", missing)}."));
        }

        var repeated = Required.Append("X-Amz-Security-Token").Where(name => query.Count(name) > 1).ToList();
        if (repeated.Count > 0)
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"Query-string authentication allows each of {string.Join(", ", repeated)} once."));
        }

        if (query.Value("X-Amz-Algorithm") != SigningKey.Algorithm)
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"Unsupported X-Amz-Algorithm: only '{SigningKey.Algorithm}' is accepted."));
        }

        var authorization = Authorization(query);
        var amzDate = query.Value("X-Amz-Date")!;
        if (!DateTimeOffset.TryParseExact(amzDate, SigV4Verifier.AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"X-Amz-Date '{amzDate}' is not an ISO-8601 basic timestamp such as 20150830T123600Z."));
        }

        if (!int.TryParse(query.Value("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires is < 1 or > MaxExpiresSeconds)
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"X-Amz-Expires must be a whole number of seconds from 1 to {MaxExpiresSeconds}."));
        }

        SigV4Verifier.CheckScope(authorization, amzDate);
        SigV4Verifier.CheckHostIsSigned(authorization);
        var credential = credentials.Find(authorization.AccessKeyId) ?? throw new ServiceErrorException(ServiceError.UnrecognizedClient());
        var now = time.GetUtcNow();
        CheckValidity(signedAt, expires, now);
        SigV4Verifier.CheckSessionToken(query.Value("X-Amz-Security-Token"), credential, now);

        var signed = request with { RawQuery = query.RawWithout("X-Amz-Signature") };
        var computed = SignatureComputation.Compute(signed, authorization, amzDate, EmptyPayloadHash, credential.SecretAccessKey);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed.Signature), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n" +
                $"The Canonical String for this request should have been\n'{RedactToken(computed.CanonicalRequest)}'\n\n" +
                $"The String-to-Sign should have been\n'{computed.StringToSign}'\n"));
        }

        return new CallerIdentity(credential.AccessKeyId, credential.AccountId, authorization.Region);
    }

    private static AuthorizationHeader Authorization(QueryParameters query)
    {
        var credential = query.Value("X-Amz-Credential")!.Split('/');
        if (credential.Length != 5 || credential.Any(string.IsNullOrEmpty))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                "X-Amz-Credential must be '<access key>/<yyyyMMdd>/<region>/<service>/aws4_request'."));
        }

        var signedHeaders = query.Value("X-Amz-SignedHeaders")!.Split(';');
        if (signedHeaders.Any(string.IsNullOrEmpty))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                "X-Amz-SignedHeaders must be a ';'-separated list of lowercase header names."));
        }

        return new AuthorizationHeader(
            credential[0], credential[1], credential[2], credential[3], credential[4],
            signedHeaders.Select(h => h.ToLowerInvariant()).ToArray(),
            query.Value("X-Amz-Signature")!);
    }

    // A presigned URL is good from its date for X-Amz-Expires seconds; a date far in the future is refused too.
    private static void CheckValidity(DateTimeOffset signedAt, int expires, DateTimeOffset now)
    {
        if (now > signedAt.AddSeconds(expires))
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Signature expired: the URL signed at {SigV4Verifier.Format(signedAt)} was good for {expires} seconds, and it is now {SigV4Verifier.Format(now)}."));
        }

        if (signedAt > now + AllowedSkew)
        {
            throw new ServiceErrorException(ServiceError.InvalidSignature(
                $"Signature not yet current: {SigV4Verifier.Format(signedAt)} is still later than {SigV4Verifier.Format(now + AllowedSkew)} ({SigV4Verifier.Format(now)} + 15 min.)"));
        }
    }

    // The canonical query carries the session token; the explanation must not.
    private static string RedactToken(string canonicalRequest) =>
        SecurityTokenParameter().Replace(canonicalRequest, "X-Amz-Security-Token=<redacted>");

    [GeneratedRegex("X-Amz-Security-Token=[^&\n]*")]
    private static partial Regex SecurityTokenParameter();
}
