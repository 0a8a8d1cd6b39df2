using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>
/// With neither credentials nor a profile, the SDK's default chain is used; its first source is the process
/// environment. No other test reads these variables (they all pass credentials or a profile file).
/// </summary>
public sealed class DefaultCredentialChainTests
{
    [Fact]
    public async Task The_default_chain_reads_keys_from_the_environment()
    {
        var saved = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environment-secret");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "environment-token");
            await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
            using var client = new KvsSignalingClient(new KvsSignalingClientOptions
            {
                EndpointUrl = server.Url,
                Region = "us-west-2",
                EnvironmentVariable = _ => null,
            });

            await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

            var request = Assert.Single(server.Requests);
            Assert.Contains("Credential=AKIDFROMENVIRONMENT/", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.Equal("environment-token", request.Header("X-Amz-Security-Token"));
            Assert.Null(SigV4Reference.Verify(request, "environment-secret"));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
