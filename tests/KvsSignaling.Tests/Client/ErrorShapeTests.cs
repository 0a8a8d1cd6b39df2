using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>Each way the service (or something in front of it) can answer an error becomes one clear exception.</summary>
public sealed class ErrorShapeTests
{
    public static TheoryData<string, int, string, string, string?> ServiceErrors() => new()
    {
        // description, status, header or body, expected code, expected message
        { "header with suffix", 404, "H:ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.kinesisvideo/|{\"message\":\"The requested channel is not found\"}", "ResourceNotFoundException", "The requested channel is not found" },
        { "header with namespace", 401, "H:com.amazonaws.kinesisvideo#AccessDeniedException|{\"Message\":\"denied\"}", "AccessDeniedException", "denied" },
        { "__type with namespace", 400, "B:{\"__type\":\"com.amazonaws.kinesisvideo.v20170930#InvalidArgumentException\",\"message\":\"bad value\"}", "InvalidArgumentException", "bad value" },
        { "__type with suffix", 400, "B:{\"__type\":\"VersionMismatchException:http://x\",\"Message\":\"stale\"}", "VersionMismatchException", "stale" },
        { "code member", 400, "B:{\"code\":\"ResourceInUseException\",\"message\":\"in use\"}", "ResourceInUseException", "in use" },
        { "Message upper case", 400, "B:{\"__type\":\"AccountChannelLimitExceededException\",\"Message\":\"too many\"}", "AccountChannelLimitExceededException", "too many" },
        { "header wins over body", 400, "H:InvalidArgumentException|{\"__type\":\"Other\",\"message\":\"m\"}", "InvalidArgumentException", "m" },
        { "header with non-JSON body", 404, "H:ResourceNotFoundException|<html>gone</html>", "ResourceNotFoundException", null },
    };

    [Theory]
    [MemberData(nameof(ServiceErrors))]
    public async Task Service_errors_carry_code_message_status_and_request_id(string description, int status, string shape, string code, string? message)
    {
        var (header, body) = shape.StartsWith("H:", StringComparison.Ordinal)
            ? (shape[2..shape.IndexOf('|', StringComparison.Ordinal)], shape[(shape.IndexOf('|', StringComparison.Ordinal) + 1)..])
            : (null, shape[2..]);
        await using var server = new LoopbackServer((_, _) => header is null
            ? Reply.Raw(status, "Error", "application/json", body, ("x-amzn-RequestId", "rid-42"))
            : Reply.Raw(status, "Error", "application/json", body, ("x-amzn-RequestId", "rid-42"), ("x-amzn-ErrorType", header)));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(code, error.ErrorCode);
        Assert.NotEqual(KvsErrorKind.Other, error.Kind);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("rid-42", error.RequestId);
        Assert.Equal("GetSignalingChannelEndpoint", error.Operation);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, server.Count);
        Assert.Contains("GetSignalingChannelEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Contains("rid-42", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KvsSignalingException>(error);
        Assert.False(string.IsNullOrEmpty(description));
    }

    [Fact]
    public async Task Proxy_html_502_is_retried_then_reported_as_a_transport_error()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Raw(502, "Bad Gateway", "text/html", "<html><body>502 Bad Gateway</body></html>"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(KvsErrorCodes.UnrecognizedErrorResponse, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Transport, error.Kind);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, server.Count);
        Assert.Contains("non-JSON body (text/html", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_500_is_retried_then_reported_clearly()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Raw(500, "Internal Server Error", string.Empty, string.Empty, ("x-amzn-RequestId", "rid-500")));
        using var client = TestClients.Create(server, o => o.MaxAttempts = 2);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.DescribeSignalingChannelAsync(TestClients.Arn));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("rid-500", error.RequestId);
        Assert.Equal(2, server.Count);
        Assert.Contains("empty body", error.Message, StringComparison.Ordinal);
        Assert.Equal(KvsErrorCodes.UnrecognizedErrorResponse, error.ErrorCode);
        Assert.Contains("DescribeSignalingChannel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_error_without_a_code_is_a_transport_error_not_a_crash()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Raw(403, "Forbidden", "application/json", "{\"note\":\"no code here\"}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("without an error code", error.Message, StringComparison.Ordinal);
        Assert.Equal(KvsErrorCodes.UnrecognizedErrorResponse, error.ErrorCode);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1,2,3]", "not a JSON object")]
    [InlineData("{\"ResourceEndpointList\":\"nope\"}", "not an array")]
    [InlineData("{\"ResourceEndpointList\":[{\"Protocol\":5}]}", "Protocol is not a string")]
    [InlineData("", "empty")]
    public async Task Bad_success_bodies_are_clear_transport_errors_and_not_retried(string body, string expected)
    {
        await using var server = new LoopbackServer((_, _) => Reply.Raw(200, "OK", "application/json", body, ("x-amzn-RequestId", "rid-bad")));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("rid-bad", error.Message, StringComparison.Ordinal);
        Assert.Equal(KvsErrorCodes.MalformedResponse, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Transport, error.Kind);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Oversized_body_is_refused_without_retry()
    {
        var big = "{\"ResourceEndpointList\":[],\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        await using var server = new LoopbackServer((_, _) => Reply.Raw(200, "OK", "application/json", big));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Contains("larger than the limit of 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count);
        Assert.Equal(KvsErrorCodes.ResponseTooLarge, error.ErrorCode);
    }

    [Fact]
    public async Task A_body_without_Content_Length_is_read_to_the_end_and_bounded_too()
    {
        var small = "{\"ResourceEndpointList\":[{\"Protocol\":\"WSS\",\"ResourceEndpoint\":\"wss://m.example\"}]}";
        var big = "{\"ResourceEndpointList\":[],\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        await using var server = new LoopbackServer((_, number) => new Reply
        {
            Headers = new() { new("Content-Type", "application/json") },
            Body = System.Text.Encoding.UTF8.GetBytes(number == 1 ? small : big),
            CloseDelimited = true,
        });
        using var client = TestClients.Create(server);

        Assert.Equal(new Uri("wss://m.example"), (await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).Wss);
        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Contains("larger than the limit of 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task Body_limit_is_configurable_and_a_body_at_the_limit_is_accepted()
    {
        var body = "{\"ResourceEndpointList\":[{\"Protocol\":\"WSS\",\"ResourceEndpoint\":\"wss://m.example\"}],\"pad\":\"";
        body += new string('x', 2048 - body.Length - 2) + "\"}";
        await using var server = new LoopbackServer((_, _) => Reply.Raw(200, "OK", "application/json", body));
        using var exact = TestClients.Create(server, o => o.MaxResponseBodyBytes = 2048);
        using var smaller = TestClients.Create(server, o => o.MaxResponseBodyBytes = 2047);

        Assert.Equal(new Uri("wss://m.example"), (await exact.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).Wss);
        await Assert.ThrowsAsync<KvsTransportException>(() => smaller.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
    }
}
