namespace KvsSignaling.Local.Auth;

/// <summary>The intermediate and final values of a SigV4 signature, kept so a mismatch can be explained.</summary>
internal sealed record SignatureComputation(string CanonicalRequest, string StringToSign, string Signature)
{
    public static SignatureComputation Compute(
        SignableRequest request, AuthorizationHeader authorization, string amzDate, string payloadHash, string secretAccessKey)
    {
        var canonical = Auth.CanonicalRequest.Build(request, authorization.SignedHeaders, payloadHash);
        var stringToSign = SigningKey.StringToSign(amzDate, authorization.Scope, canonical);
        var key = SigningKey.Derive(secretAccessKey, authorization.Date, authorization.Region, authorization.Service);
        return new SignatureComputation(canonical, stringToSign, SigningKey.Sign(key, stringToSign));
    }
}
