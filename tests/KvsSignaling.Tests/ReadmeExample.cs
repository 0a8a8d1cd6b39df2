namespace KvsSignaling.Tests;

/// <summary>
/// The C# example of docs/core.md, compiled with the tests. <see cref="ReadmeExampleTests"/> checks that the
/// documentation shows exactly these lines and runs them against a loopback server.
/// </summary>
internal static class ReadmeExample
{
    public static KvsSignalingClientOptions CreateOptions()
    {
        // README options start
        var options = new KvsSignalingClientOptions
        {
            Region = "us-west-2",          // else AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
            EnableEndpointCache = true,    // reuse answers for EndpointCacheTtl (5 minutes by default)
            MaxAttempts = 3,               // first attempt plus two retries on throttling and transient faults
        };
        // README options end
        return options;
    }

    public static async Task<string> RunAsync(KvsSignalingClientOptions options, CancellationToken cancellationToken)
    {
        // README example start
        using var client = new KvsSignalingClient(options);

        ChannelEndpoints endpoints = await client.GetSignalingChannelEndpointAsync(
            "arn:aws:kinesisvideo:us-west-2:123456789012:channel/demo-channel/1700000000000",
            ChannelRole.Viewer,
            new ChannelProtocol[] { "WSS", "HTTPS" },
            cancellationToken: cancellationToken);

        return $"signal on {endpoints.Wss}, get ICE servers from {endpoints.Https}";
        // README example end
    }
}
