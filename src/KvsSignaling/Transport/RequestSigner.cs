using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace KvsSignaling.Transport;

/// <summary>
/// Signs a request with the AWS SDK's public SigV4 signer (<see cref="AWSSigV4Signer"/>). The client and the
/// signing tests both go through here, so the tests prove the exact code path used on the wire.
/// </summary>
internal static class RequestSigner
{
    public const string ServiceName = "kinesisvideo";

    /// <summary>
    /// Returns the headers to add (Authorization, X-Amz-Date, X-Amz-Content-SHA256 and, for session credentials,
    /// x-amz-security-token). <paramref name="headers"/> are the headers sent with the request and signed with it.
    /// </summary>
    public static IDictionary<string, string> Sign(
        HttpMethod method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body,
        ImmutableCredentials credentials,
        RegionEndpoint region,
        string service,
        DateTime signedAtUtc)
    {
        var request = new AWSSigningRequest
        {
            HttpMethod = method,
            RequestUri = uri,
            Content = body,
        };
        foreach (var header in headers)
        {
            request.Headers[header.Key] = header.Value;
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = new ResolvedCredentials(credentials),
            Region = region,
            Service = service,
            SignedAt = signedAtUtc,
            SignPayload = true,
        };

        return AWSSigV4Signer.Sign(request, parameters).Headers;
    }

    /// <summary>Hands already-fetched keys to the signer so it never blocks on a credential refresh.</summary>
    private sealed class ResolvedCredentials : AWSCredentials
    {
        private readonly ImmutableCredentials _credentials;

        public ResolvedCredentials(ImmutableCredentials credentials) => _credentials = credentials;

        public override ImmutableCredentials GetCredentials() => _credentials;

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(_credentials);
    }
}
