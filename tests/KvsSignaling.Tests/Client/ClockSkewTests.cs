using System.Globalization;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>When the service says the signature's time is off, the client adopts the service's clock and retries once.</summary>
public sealed class ClockSkewTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromHours(2);

    public static TheoryData<string, string> SkewErrors() => new()
    {
        { "InvalidSignatureException", "Signature expired: 20260101T000000Z is now earlier than 20260101T020000Z (20260101T021500Z - 15 min.)" },
        { "RequestTimeTooSkewed", "The difference between the request time and the current time is too large." },
        { "InvalidSignatureException", "Signature not yet current: 20260101T040000Z is still later than 20260101T021500Z" },
    };

    [Theory]
    [MemberData(nameof(SkewErrors))]
    public async Task The_clock_offset_is_corrected_from_the_Date_header(string code, string message)
    {
        await using var server = new LoopbackServer((request, _) => SkewedService(request, code, message));
        using var client = TestClients.Create(server, o => o.MaxAttempts = 1);

        var first = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var second = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.Equal(new Uri("wss://m.example"), first.Wss);
        Assert.Equal(new Uri("wss://m.example"), second.Wss);
        Assert.Equal(3, server.Count); // one rejected attempt, then both calls signed with the corrected clock
        Assert.All(server.Requests, r => Assert.Null(SigV4Reference.Verify(r, TestClients.SecretKey)));
    }

    [Fact]
    public async Task Without_a_Date_header_the_error_is_reported_at_once()
    {
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(403, "InvalidSignatureException", "Signature expired: always", "rid-skew"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(1, server.Count);
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Fact]
    public async Task A_service_that_keeps_rejecting_gets_one_corrected_attempt()
    {
        await using var server = new LoopbackServer((_, _) => WithDate(Reply.ServiceError(403, "InvalidSignatureException", "Signature expired: always"), DateTimeOffset.UtcNow + Skew));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(2, server.Count);
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Fact]
    public async Task A_signature_error_that_is_not_about_time_is_not_retried()
    {
        await using var server = new LoopbackServer((_, _) => WithDate(Reply.ServiceError(403, "InvalidSignatureException", "The request signature we calculated does not match"), DateTimeOffset.UtcNow + Skew));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task A_service_clock_far_from_ours_is_learnt_from_a_good_answer_and_signs_presigned_urls()
    {
        await using var server = new LoopbackServer((_, _) => WithDate(Reply.Endpoints(("WSS", "wss://m.example")), DateTimeOffset.UtcNow + Skew));
        using var client = TestClients.Create(server);

        // No error: the endpoint answer alone carries the service's date.
        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var url = await client.CreatePresignedConnectUrlAsync(TestClients.Arn, ChannelRole.Master);

        Assert.InRange(url.SignedAt - DateTimeOffset.UtcNow, Skew - TimeSpan.FromMinutes(1), Skew + TimeSpan.FromMinutes(1));
        Assert.Contains("X-Amz-Date=" + url.SignedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), url.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_clock_a_few_seconds_off_is_not_adopted()
    {
        await using var server = new LoopbackServer((_, _) => WithDate(Reply.Endpoints(("WSS", "wss://m.example")), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20)));
        using var client = TestClients.Create(server);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);
        var url = await client.CreatePresignedConnectUrlAsync(TestClients.Arn, ChannelRole.Master);

        Assert.InRange(url.SignedAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-10), TimeSpan.FromSeconds(10));
    }

    /// <summary>A service whose clock runs two hours ahead and that rejects signatures more than 5 minutes off.</summary>
    private static Reply SkewedService(RecordedRequest request, string code, string message)
    {
        var serviceNow = DateTimeOffset.UtcNow + Skew;
        var signedAt = DateTimeOffset.ParseExact(request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if ((serviceNow - signedAt).Duration() > TimeSpan.FromMinutes(5))
        {
            return WithDate(Reply.ServiceError(403, code, message), serviceNow);
        }

        return Reply.Endpoints(("WSS", "wss://m.example"));
    }

    private static Reply WithDate(Reply reply, DateTimeOffset date)
    {
        reply.Headers.Add(new("Date", date.ToString("r", CultureInfo.InvariantCulture)));
        return reply;
    }
}
