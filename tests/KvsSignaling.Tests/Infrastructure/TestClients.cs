using Amazon.Runtime;

namespace KvsSignaling.Tests.Infrastructure;

/// <summary>Clients wired to a loopback server, with fixed credentials and no environment leaking in.</summary>
internal static class TestClients
{
    public const string AccessKey = "AKIDTESTLOOPBACK";
    public const string SecretKey = "s3cr3t/KEY+never-shown-0123456789abcdefgh";
    public const string SessionToken = "SESSION-TOKEN-never-shown-zyxwvutsrq";
    public const string Arn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/demo-channel/1700000000000";

    public static KvsSignalingClientOptions Options(LoopbackServer server, Action<KvsSignalingClientOptions>? configure = null)
    {
        var options = new KvsSignalingClientOptions
        {
            EndpointUrl = server.Url,
            Region = "us-west-2",
            Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
            EnvironmentVariable = _ => null,
        };
        configure?.Invoke(options);
        return options;
    }

    public static KvsSignalingClient Create(LoopbackServer server, Action<KvsSignalingClientOptions>? configure = null) =>
        new(Options(server, configure));
}
