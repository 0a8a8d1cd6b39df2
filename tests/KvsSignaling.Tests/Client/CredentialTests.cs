using Amazon.Runtime;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>Who the client is: explicit keys, a named profile, and credentials fetched afresh for every request.</summary>
public sealed class CredentialTests
{
    [Fact]
    public async Task Credentials_are_fetched_for_every_request_so_rotated_keys_are_used()
    {
        var credentials = new RotatingCredentials();
        await using var server = new LoopbackServer((request, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.Credentials = credentials);

        for (var i = 0; i < 3; i++)
        {
            await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        }

        Assert.Equal(3, credentials.Calls);
        for (var i = 0; i < 3; i++)
        {
            var request = server.Requests[i];
            Assert.Contains($"Credential=AKIDROTATED{i + 1}/", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.Null(SigV4Reference.Verify(request, "secret-" + (i + 1)));
            Assert.Null(request.Header("X-Amz-Security-Token"));
        }
    }

    [Fact]
    public async Task A_named_profile_signs_the_requests()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "[kvs-test]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret-value\n");
            await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
            using var client = new KvsSignalingClient(new KvsSignalingClientOptions
            {
                EndpointUrl = server.Url,
                Region = "eu-central-1",
                ProfileName = "kvs-test",
                ProfilesLocation = file,
                EnvironmentVariable = _ => null,
            });

            await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer);

            var request = Assert.Single(server.Requests);
            Assert.Contains("Credential=AKIDPROFILE/", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.Contains("/eu-central-1/kinesisvideo/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.Null(SigV4Reference.Verify(request, "profile-secret-value"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_profile_is_a_clear_error_before_any_request()
    {
        var file = Path.GetTempFileName();
        try
        {
            await using var server = new LoopbackServer((_, _) => Reply.Json("{}"));
            using var client = new KvsSignalingClient(new KvsSignalingClientOptions
            {
                EndpointUrl = server.Url,
                ProfileName = "no-such-profile",
                ProfilesLocation = file,
                Region = "us-west-2",
                EnvironmentVariable = _ => null,
            });

            // A credential problem has an exception type of its own, so a caller can tell it from a service error.
            var error = await Assert.ThrowsAsync<KvsCredentialsException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer));
            Assert.Contains("'no-such-profile' was not found in " + file, error.Message, StringComparison.Ordinal);
            Assert.Equal(("no-such-profile", "profile"), (error.ProfileName, error.CredentialSource));
            Assert.Equal(0, server.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_custom_endpoint_without_a_region_is_refused_naming_where_a_region_comes_from()
    {
        // The AWS CLI and SDKs refuse it too: signing for a stand-in region would only move the error to the service.
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));

        var error = Assert.Throws<ArgumentException>(() => TestClients.Create(server, o => o.Region = null));

        Assert.Contains("No region is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task A_region_unknown_to_the_sdk_is_used_as_the_signing_region()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.Region = "xx-custom-9");

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.Contains("/xx-custom-9/kinesisvideo/aws4_request", server.Requests[0].Header("Authorization"), StringComparison.Ordinal);
        Assert.Null(SigV4Reference.Verify(server.Requests[0], TestClients.SecretKey));
    }

    /// <summary>Credentials that hand out a new key pair on every request, as a refreshing provider would across expiry.</summary>
    private sealed class RotatingCredentials : AWSCredentials
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override ImmutableCredentials GetCredentials() => Next();

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(Next());

        private ImmutableCredentials Next()
        {
            var n = Interlocked.Increment(ref _calls);
            return new ImmutableCredentials("AKIDROTATED" + n, "secret-" + n, null);
        }
    }
}
