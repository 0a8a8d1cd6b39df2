using KvsSignaling.Endpoints;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>Every endpoint the service returns is checked before a caller can connect to it.</summary>
public sealed class ReturnedEndpointTests
{
    private static readonly Uri SecureControlPlane = new("https://kinesisvideo.us-west-2.amazonaws.com");
    private static readonly Uri PlainControlPlane = new("http://127.0.0.1:4566");

    [Theory]
    [InlineData("WSS", "wss://m-1.kinesisvideo.us-west-2.amazonaws.com", true, true)]
    [InlineData("WSS", "ws://m-1.example", false, true)]
    [InlineData("WSS", "https://m-1.example", false, false)]
    [InlineData("WSS", "http://m-1.example", false, false)]
    [InlineData("HTTPS", "https://r-1.kinesisvideo.us-west-2.amazonaws.com", true, true)]
    [InlineData("HTTPS", "http://r-1.example", false, true)]
    [InlineData("HTTPS", "wss://r-1.example", false, false)]
    [InlineData("WEBRTC", "https://w-1.example", true, true)]
    [InlineData("WEBRTC", "http://w-1.example", false, true)]
    [InlineData("WEBRTC", "wss://w-1.example", false, false)]
    [InlineData("HTTPS", "ftp://r-1.example", false, false)]
    [InlineData("HTTPS", "/relative/path", false, false)]
    [InlineData("HTTPS", "r-1.example", false, false)]
    [InlineData("HTTPS", "", false, false)]
    public void Scheme_must_fit_the_protocol(string protocol, string endpoint, bool allowedOverHttps, bool allowedOverHttp)
    {
        var raw = new[] { new KeyValuePair<string?, string?>(protocol, endpoint) };
        foreach (var (controlPlane, allowed) in new[] { (SecureControlPlane, allowedOverHttps), (PlainControlPlane, allowedOverHttp) })
        {
            if (allowed)
            {
                var checkedEndpoint = Assert.Single(ReturnedEndpoints.Check("GetSignalingChannelEndpoint", raw, controlPlane, "rid"));
                Assert.Equal(new Uri(endpoint), checkedEndpoint.Uri);
                Assert.Equal(protocol, checkedEndpoint.Protocol.Value);
            }
            else
            {
                var error = Assert.Throws<KvsEndpointException>(() => ReturnedEndpoints.Check("GetSignalingChannelEndpoint", raw, controlPlane, "rid"));
                Assert.Equal(endpoint, error.Endpoint);
                Assert.Contains($"'{endpoint}'", error.Message, StringComparison.Ordinal);
                Assert.Contains("rid", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("FTP")]
    [InlineData(null)]
    public void Unknown_protocols_are_rejected(string? protocol)
    {
        var error = Assert.Throws<KvsEndpointException>(() => ReturnedEndpoints.Check("GetSignalingChannelEndpoint", new[] { new KeyValuePair<string?, string?>(protocol, "wss://m.example") }, SecureControlPlane, null));
        Assert.Contains("wss://m.example", error.Message, StringComparison.Ordinal);
        Assert.Contains("WSS, HTTPS, WEBRTC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_refuses_a_bad_endpoint_from_the_service()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example"), ("HTTPS", "wss://not-https.example")));
        using var client = TestClients.Create(server, o => o.EnableEndpointCache = true);

        var error = await Assert.ThrowsAsync<KvsEndpointException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal("wss://not-https.example", error.Endpoint);
        Assert.Equal("HTTPS", error.Protocol);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal(KvsErrorCodes.InvalidEndpoint, error.ErrorCode);
        Assert.Equal(KvsErrorKind.InvalidEndpoint, error.Kind);
        Assert.IsAssignableFrom<KvsSignalingException>(error);

        // A refused answer is not cached.
        await Assert.ThrowsAsync<KvsEndpointException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        Assert.Equal(2, server.Count);
    }
}
