using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using KvsSignaling.Tests.Infrastructure;
using KvsSignaling.Transport;

namespace KvsSignaling.Tests.Signing;

/// <summary>
/// Presigned connect URLs: the query signer held to the published AWS query-signing example and to an independent
/// reference with a session token in the signed query; the client's checks, clock, endpoint lookup and expiry.
/// </summary>
public sealed class PresignTests
{
    private static readonly ChannelArn Arn = ChannelArn.Parse(TestClients.Arn);

    [Fact]
    public void The_query_signer_reproduces_the_published_AWS_presigned_URL_example()
    {
        // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", Amazon S3 API reference:
        // GET examplebucket/test.txt, 2013-05-24T00:00:00Z, us-east-1, 86400 seconds, UNSIGNED-PAYLOAD.
        var url = QuerySigner.Presign(
            new Uri("https://examplebucket.s3.amazonaws.com/test.txt"),
            [],
            new ImmutableCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null),
            "us-east-1",
            "s3",
            new DateTime(2013, 5, 24, 0, 0, 0, DateTimeKind.Utc),
            86400,
            "UNSIGNED-PAYLOAD");

        Assert.Equal(
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
            url.AbsoluteUri);
    }

    [Fact]
    public void The_session_token_and_channel_are_in_the_signed_query()
    {
        var signedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var endpoint = new Uri("wss://v-1234abcd.kinesisvideo.us-west-2.amazonaws.com");
        var url = QuerySigner.Presign(
            endpoint,
            [new("X-Amz-ChannelARN", TestClients.Arn), new("X-Amz-ClientId", "viewer-1")],
            new ImmutableCredentials(TestClients.AccessKey, TestClients.SecretKey, TestClients.SessionToken),
            "us-west-2",
            "kinesisvideo",
            signedAt,
            299,
            QuerySigner.EmptyPayloadHash);

        var query = url.Query.TrimStart('?').Split('&');
        var signature = Assert.Single(query, p => p.StartsWith("X-Amz-Signature=", StringComparison.Ordinal));
        var signed = query.Where(p => p != signature).ToList();
        Assert.Contains(signed, p => p.StartsWith("X-Amz-Security-Token=", StringComparison.Ordinal));
        Assert.Contains("X-Amz-ChannelARN=arn%3Aaws%3Akinesisvideo%3Aus-west-2%3A123456789012%3Achannel%2Fdemo-channel%2F1700000000000", signed);
        Assert.Equal("/", url.AbsolutePath);
        Assert.Equal(ReferenceSignature(endpoint, signed, "20260102T030405Z", "us-west-2"), signature.Substring("X-Amz-Signature=".Length));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AWS_viewer")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task A_bad_viewer_client_id_is_refused_before_any_request(string? clientId)
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://v.example")));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Viewer, clientId));

        Assert.Equal("clientId", error.ParamName);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_client_id_of_257_characters_is_refused_and_256_is_accepted()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://v.example")));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Viewer, new string('a', 257)));
        Assert.Equal(0, server.Count);
        var url = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Viewer, new string('a', 256));
        Assert.Contains("X-Amz-ClientId=" + new string('a', 256), url.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_master_with_a_client_id_and_an_expiry_out_of_range_are_refused_before_any_request()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master, "m"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master, expiresIn: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master, expiresIn: TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master, wssEndpoint: new Uri("https://m.example")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreatePresignedConnectUrlAsync(Arn, default));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task With_the_cache_on_the_WSS_endpoint_is_looked_up_once_and_the_default_expiry_is_299_seconds()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example"), ("HTTPS", "https://m.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        var first = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master);
        var second = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master);

        Assert.Equal(1, server.Count);
        Assert.Equal("m.example", first.Url.Host);
        Assert.Equal("wss", second.Url.Scheme);
        Assert.DoesNotContain("X-Amz-ClientId", first.Url.Query, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=299&", first.Url.Query, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(299), first.ExpiresAt - first.SignedAt);
        Assert.Null(first.ClientId);
        Assert.Equal(ChannelRole.Master, first.Role);
    }

    [Fact]
    public async Task A_given_endpoint_is_used_without_a_request()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server);

        var url = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Viewer, "v1", TimeSpan.FromHours(1), new Uri("wss://given.example/path"));

        Assert.Equal(0, server.Count);
        Assert.Equal("given.example", url.Url.Host);
        Assert.Equal("/path", url.Url.AbsolutePath);
        Assert.Contains("X-Amz-Expires=3600&", url.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_URL_is_dated_by_the_clock_the_client_learnt_from_the_service()
    {
        var skew = TimeSpan.FromHours(2);
        await using var server = new LoopbackServer((request, _) =>
        {
            var signedAt = DateTimeOffset.ParseExact(request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if ((DateTimeOffset.UtcNow + skew - signedAt).Duration() > TimeSpan.FromMinutes(5))
            {
                var reply = Reply.ServiceError(403, "InvalidSignatureException", "Signature expired: too early");
                reply.Headers.Add(new("Date", (DateTimeOffset.UtcNow + skew).ToString("r", CultureInfo.InvariantCulture)));
                return reply;
            }

            return Reply.Endpoints(("WSS", "wss://m.example"));
        });
        using var client = TestClients.Create(server);

        var url = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master);

        Assert.Equal(2, server.Count);
        var offBy = url.SignedAt - (DateTimeOffset.UtcNow + skew);
        Assert.InRange(offBy, TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(5));
        Assert.Contains("X-Amz-Date=" + url.SignedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), url.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_URL_never_outlives_temporary_credentials()
    {
        var expiration = DateTime.UtcNow.AddSeconds(120);
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.Credentials = new Expiring(expiration));

        var url = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master, expiresIn: TimeSpan.FromHours(1));

        Assert.True(url.ExpiresAt <= new DateTimeOffset(expiration, TimeSpan.Zero).AddSeconds(1), $"expires {url.ExpiresAt:O}, credentials {expiration:O}");
        Assert.True(url.ExpiresAt - url.SignedAt <= TimeSpan.FromSeconds(121));
        Assert.DoesNotContain("X-Amz-Expires=3600", url.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_credentials_are_a_credentials_error()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.Credentials = new Expiring(DateTime.UtcNow.AddMinutes(-1)));

        var error = await Assert.ThrowsAsync<KvsCredentialsException>(() => client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Master, wssEndpoint: new Uri("wss://m.example")));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(KvsErrorCodes.CredentialsUnavailable, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Credentials, error.Kind);
        Assert.DoesNotContain(TestClients.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToString_shows_neither_the_signature_nor_the_token()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://v.example")));
        using var client = TestClients.Create(server);

        var url = await client.CreatePresignedConnectUrlAsync(Arn, ChannelRole.Viewer, "viewer-1");
        var text = url.ToString();

        Assert.Contains("viewer-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestClients.SessionToken, text, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Security-Token=" + TestClients.SessionToken, url.Url.Query, StringComparison.Ordinal);
    }

    /// <summary>SigV4 query signing written out with the BCL alone, over the parameters the URL carries.</summary>
    private static string ReferenceSignature(Uri endpoint, IEnumerable<string> signedParameters, string amzDate, string region)
    {
        var date = amzDate[..8];
        var scope = $"{date}/{region}/kinesisvideo/aws4_request";
        var query = string.Join('&', signedParameters.OrderBy(p => p.Split('=')[0], StringComparer.Ordinal));
        var canonical = $"GET\n/\n{query}\nhost:{endpoint.Host}\n\nhost\n{Convert.ToHexStringLower(SHA256.HashData([]))}";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + TestClients.SecretKey), date), region), "kinesisvideo"), "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, toSign));
    }

    /// <summary>Temporary credentials that say when they expire, as assumed roles do.</summary>
    private sealed class Expiring(DateTime expiration) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() =>
            new AssumeRoleImmutableCredentials(TestClients.AccessKey, TestClients.SecretKey, TestClients.SessionToken, expiration);
    }
}
