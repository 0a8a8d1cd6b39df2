using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Auth;

/// <summary>The parsed parts of an "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..." header.</summary>
internal sealed record AuthorizationHeader(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    string Terminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <summary>Parses the header, or throws the IncompleteSignatureException AWS answers for a malformed one.</summary>
    public static AuthorizationHeader Parse(string value)
    {
        var prefix = SigningKey.Algorithm + " ";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            var algorithm = value.Split(' ', 2)[0];
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                $"Unsupported Authorization algorithm '{algorithm}': only '{SigningKey.Algorithm}' is accepted."));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value[prefix.Length..].Split(','))
        {
            var trimmed = part.Trim();
            var equals = trimmed.IndexOf('=');
            if (equals > 0)
            {
                parameters[trimmed[..equals]] = trimmed[(equals + 1)..];
            }
        }

        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(name => !parameters.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                string.Join(' ', missing.Select(name => $"Authorization header requires '{name}' parameter."))));
        }

        var credential = parameters["Credential"].Split('/');
        if (credential.Length != 5 || credential.Any(string.IsNullOrEmpty))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                "Authorization header 'Credential' must be '<access key>/<yyyyMMdd>/<region>/<service>/aws4_request'."));
        }

        var signedHeaders = parameters["SignedHeaders"].Split(';');
        if (signedHeaders.Any(string.IsNullOrEmpty))
        {
            throw new ServiceErrorException(ServiceError.IncompleteSignature(
                "Authorization header 'SignedHeaders' must be a ';'-separated list of lowercase header names."));
        }

        return new AuthorizationHeader(
            credential[0], credential[1], credential[2], credential[3], credential[4],
            signedHeaders.Select(h => h.ToLowerInvariant()).ToArray(),
            parameters["Signature"]);
    }
}
