using Amazon.Runtime;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.EndToEnd.Tests.Reliability;

/// <summary>Each kind of error kvs-local can produce reaches the caller with its kind and a code, whatever exception type carries it.</summary>
public sealed class ErrorKindTests(KvsLocalFixture fixture) : IClassFixture<KvsLocalFixture>
{
    public static TheoryData<string, KvsErrorKind, string> Cases() => new()
    {
        { "missing channel", KvsErrorKind.NotFound, KvsErrorCodes.ResourceNotFoundException },
        { "name taken", KvsErrorKind.InUse, KvsErrorCodes.ResourceInUseException },
        { "stale version", KvsErrorKind.VersionMismatch, KvsErrorCodes.VersionMismatchException },
        { "WEBRTC without media ingestion", KvsErrorKind.InvalidArgument, KvsErrorCodes.InvalidArgumentException },
        { "more than 50 tags", KvsErrorKind.LimitExceeded, KvsErrorCodes.TagsPerResourceExceededLimitException },
        { "unknown access key", KvsErrorKind.Authentication, KvsErrorCodes.UnrecognizedClientException },
        { "wrong secret key", KvsErrorKind.Authentication, KvsErrorCodes.InvalidSignatureException },
        { "RequestThrottledException", KvsErrorKind.Throttled, KvsErrorCodes.RequestThrottledException },
        { "ClientLimitExceededException", KvsErrorKind.Throttled, KvsErrorCodes.ClientLimitExceededException },
        { "internal error", KvsErrorKind.ServiceFault, KvsErrorCodes.InternalFailure },
        { "service unavailable", KvsErrorKind.ServiceFault, KvsErrorCodes.ServiceUnavailable },
        { "dropped connection", KvsErrorKind.Transport, KvsErrorCodes.ConnectionFailure },
        { "malformed body", KvsErrorKind.Transport, KvsErrorCodes.MalformedResponse },
        { "oversized body", KvsErrorKind.Transport, KvsErrorCodes.ResponseTooLarge },
        { "proxy error page", KvsErrorKind.Transport, KvsErrorCodes.UnrecognizedErrorResponse },
        { "wrong endpoint scheme", KvsErrorKind.InvalidEndpoint, KvsErrorCodes.InvalidEndpoint },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_error_kvs_local_produces_has_its_kind_and_code(string scenario, KvsErrorKind kind, string code)
    {
        var server = fixture.Server;
        using var client = LocalClients.Create(server, o => o.MaxAttempts = 1);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("kind"), cancellationToken: guard.Token);
        var token = guard.Token;

        var error = await Assert.ThrowsAnyAsync<KvsSignalingException>(() => Provoke(scenario, server, client, arn, token));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Empty(server.Admin.Faults);
    }

    private static async Task Provoke(string scenario, Local.KvsLocalServer server, KvsSignalingClient client, ChannelArn arn, CancellationToken token)
    {
        switch (scenario)
        {
            case "missing channel":
                await client.DescribeSignalingChannelAsync(ChannelArn.Parse(arn.Value.Replace("/" + arn.ChannelName + "/", "/absent-" + arn.ChannelName + "/", StringComparison.Ordinal)), token);
                break;
            case "name taken":
                await client.CreateSignalingChannelAsync(arn.ChannelName, cancellationToken: token);
                break;
            case "stale version":
                await client.UpdateSignalingChannelAsync(arn, "stale0version", 30, token);
                break;
            case "WEBRTC without media ingestion":
                await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, new[] { ChannelProtocol.WebRtc }, cancellationToken: token);
                break;
            case "more than 50 tags":
                await client.TagSignalingChannelAsync(arn, Enumerable.Range(0, 50).Select(i => new KeyValuePair<string, string>("k" + i, "v")), token);
                await client.TagSignalingChannelAsync(arn, new[] { new KeyValuePair<string, string>("one-more", "v") }, token);
                break;
            case "unknown access key":
                using (var stranger = LocalClients.Create(server, o => o.Credentials = new BasicAWSCredentials("AKIDNOTKNOWNTOKVSLOCAL", "secret")))
                {
                    await stranger.DescribeSignalingChannelAsync(arn, token);
                }

                break;
            case "wrong secret key":
                using (var wrong = LocalClients.Create(server, o => o.Credentials = new BasicAWSCredentials(Local.KvsLocalCredential.DefaultAccessKeyId, "not-the-secret")))
                {
                    await wrong.DescribeSignalingChannelAsync(arn, token);
                }

                break;
            default:
                await ProvokeFault(scenario, server, client, arn, token);
                break;
        }
    }

    private static async Task ProvokeFault(string scenario, Local.KvsLocalServer server, KvsSignalingClient client, ChannelArn arn, CancellationToken token)
    {
        var rule = scenario switch
        {
            "RequestThrottledException" => new FaultRule { Kind = FaultKind.Throttle, ErrorCode = KvsErrorCodes.RequestThrottledException },
            "ClientLimitExceededException" => new FaultRule { Kind = FaultKind.Throttle },
            "internal error" => new FaultRule { Kind = FaultKind.InternalError },
            "service unavailable" => new FaultRule { Kind = FaultKind.ServiceUnavailable },
            "dropped connection" => new FaultRule { Kind = FaultKind.DropConnection },
            "malformed body" => new FaultRule { Kind = FaultKind.MalformedBody },
            "oversized body" => new FaultRule { Kind = FaultKind.OversizedBody, SizeBytes = 2 * 1024 * 1024 },
            "proxy error page" => new FaultRule { Kind = FaultKind.HtmlErrorPage },
            "wrong endpoint scheme" => new FaultRule { Kind = FaultKind.WrongEndpointScheme },
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "No such scenario."),
        };

        // One attempt is allowed, so the fault hits exactly once; the channel's own operation keeps other tests' calls apart.
        server.Admin.AddFault(rule with { Operation = "GetSignalingChannelEndpoint", Count = 1 });
        await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: token);
    }
}
