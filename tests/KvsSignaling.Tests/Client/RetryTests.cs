using System.Collections.Concurrent;
using KvsSignaling.Tests.Infrastructure;
using KvsSignaling.Transport;

namespace KvsSignaling.Tests.Client;

/// <summary>Retries: what is retried, how often, and what never is.</summary>
public sealed class RetryTests
{
    public static TheoryData<string, int> Retryable() => new()
    {
        { "ClientLimitExceededException", 400 },
        { "ThrottlingException", 400 },
        { "Throttling", 400 },
        { "TooManyRequests", 429 },
        { "InternalFailure", 500 },
        { "ServiceUnavailable", 503 },
        { "GatewayTimeout", 504 },
    };

    public static TheoryData<string, int> NotRetryable() => new()
    {
        { "InvalidArgumentException", 400 },
        { "ResourceNotFoundException", 404 },
        { "AccessDeniedException", 401 },
        { "ResourceInUseException", 400 },
        { "VersionMismatchException", 400 },
        { "AccountChannelLimitExceededException", 400 },
        { "UnrecognizedClientException", 403 },
    };

    [Theory]
    [MemberData(nameof(Retryable))]
    public async Task Retryable_errors_are_retried_until_success(string code, int status)
    {
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        await using var server = new LoopbackServer((_, number) => number < 3 ? Reply.ServiceError(status, code, "slow down") : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o => o.RequestTrace = traces.Enqueue);

        var result = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.Equal(new Uri("wss://m.example"), result.Wss);
        Assert.Equal(3, server.Count);
        Assert.Equal(new[] { 1, 2, 3 }, traces.Select(t => t.Attempt));
        Assert.Equal(new[] { true, true, false }, traces.Select(t => t.WillRetry));
        Assert.Equal(new int?[] { status, status, 200 }, traces.Select(t => t.StatusCode));
        Assert.Equal(new[] { code, code, null }, traces.Select(t => t.ErrorCode));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Attempts_are_bounded_by_MaxAttempts(int maxAttempts)
    {
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(400, "ClientLimitExceededException", "quota"));
        using var client = TestClients.Create(server, o => o.MaxAttempts = maxAttempts);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal("ClientLimitExceededException", error.ErrorCode);
        Assert.Equal(maxAttempts, error.Attempts);
        Assert.Equal(maxAttempts, server.Count);
    }

    [Theory]
    [MemberData(nameof(NotRetryable))]
    public async Task Non_retryable_errors_are_never_retried(string code, int status)
    {
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(status, code, "no"));
        using var client = TestClients.Create(server, o => o.MaxAttempts = 5);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Dropped_connections_and_truncated_bodies_are_retried()
    {
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        await using var server = new LoopbackServer((_, number) => number switch
        {
            1 => new Reply { Drop = true },
            2 => new Reply { Status = 200, Headers = new() { new("Content-Type", "application/json") }, Body = "{\"Resource"u8.ToArray(), TruncateBy = 40 },
            _ => Reply.Endpoints(("HTTPS", "https://r.example")),
        });
        using var client = TestClients.Create(server, o => o.RequestTrace = traces.Enqueue);

        var result = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Viewer, new[] { ChannelProtocol.Https });

        Assert.Equal(new Uri("https://r.example"), result.Https);
        Assert.Equal(3, server.Count);
        Assert.Equal(new[] { "ConnectionFailure", "ConnectionFailure", null }, traces.Select(t => t.ErrorCode));
        Assert.Equal(new int?[] { null, 200, 200 }, traces.Select(t => t.StatusCode));
    }

    [Fact]
    public async Task Connection_failures_end_in_a_transport_error_after_the_last_attempt()
    {
        await using var server = new LoopbackServer((_, _) => new Reply { Drop = true });
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, server.Count);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(KvsErrorCodes.ConnectionFailure, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Transport, error.Kind);
        Assert.Contains(server.Url.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_listening_is_a_transport_error()
    {
        Uri deadUrl;
        await using (var server = new LoopbackServer((_, _) => Reply.Json("{}")))
        {
            deadUrl = server.Url;
        }

        using var client = new KvsSignalingClient(new KvsSignalingClientOptions
        {
            EndpointUrl = deadUrl,
            Region = "us-west-2",
            Credentials = new Amazon.Runtime.BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
            MaxAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            EnvironmentVariable = _ => null,
        });

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        Assert.Equal(2, error.Attempts);
        Assert.Null(error.StatusCode);
        Assert.Equal(KvsErrorCodes.ConnectionFailure, error.ErrorCode);
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        await using var server = new LoopbackServer((_, number) => number == 1 ? new Reply { Hang = true } : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2); // generous: the second attempt must finish within it even on a loaded machine
            o.RequestTrace = traces.Enqueue;
        });

        var result = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.Equal(new Uri("wss://m.example"), result.Wss);
        Assert.Equal(2, server.Count);
        Assert.Equal(new[] { "Timeout", null }, traces.Select(t => t.ErrorCode));
    }

    [Fact]
    public async Task Attempt_timeouts_end_in_a_transport_error_not_a_cancellation()
    {
        await using var server = new LoopbackServer((_, _) => new Reply { Hang = true });
        using var client = TestClients.Create(server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxAttempts = 2;
        });

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Count);
        Assert.Equal(KvsErrorCodes.Timeout, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Transport, error.Kind);
    }

    [Fact]
    public async Task Caller_cancellation_stops_at_once_without_retrying()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackServer((_, _) =>
        {
            received.TrySetResult();
            return new Reply { Hang = true };
        });
        using var client = TestClients.Create(server, o => o.AttemptTimeout = TimeSpan.FromMinutes(1));
        using var cancellation = new CancellationTokenSource();

        var call = client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, cancellationToken: cancellation.Token);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Json("{}"));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, cancellationToken: new CancellationToken(true)));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void Every_standard_retry_policy_of_the_contract_is_retryable()
    {
        using var document = Contract.Load("retry-standard.json");
        var definitions = document.RootElement.GetProperty("definitions");
        var policies = document.RootElement.GetProperty("retry").GetProperty("__default__").GetProperty("policies");
        var checkedResponses = 0;
        foreach (var policy in policies.EnumerateObject())
        {
            var definition = definitions.GetProperty(policy.Value.GetProperty("$ref").GetString()!).GetProperty("applies_when");
            if (!definition.TryGetProperty("response", out var response))
            {
                continue; // socket errors: covered by the connection-failure tests
            }

            var status = response.GetProperty("http_status_code").GetInt32();
            var code = response.TryGetProperty("service_error_code", out var c) ? c.GetString() : null;
            Assert.True(RetryClassifier.IsRetryable(ErrorKinds.OfServiceError(code, status)), $"{policy.Name}: {code} / {status}");
            checkedResponses++;
        }

        Assert.True(checkedResponses >= 10);
        Assert.True(RetryClassifier.IsRetryable(ErrorKinds.OfServiceError(KvsErrorCodes.ClientLimitExceededException, 400)));
        Assert.False(RetryClassifier.IsRetryable(ErrorKinds.OfServiceError(KvsErrorCodes.InvalidArgumentException, 400)));
        Assert.False(RetryClassifier.IsRetryable(ErrorKinds.OfServiceError(KvsErrorCodes.ResourceNotFoundException, 404)));
    }

    [Fact]
    public void Backoff_is_full_jitter_under_a_capped_exponential_ceiling()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000));
        for (var retry = 1; retry <= 8; retry++)
        {
            var ceiling = Math.Min(1000, 100 * Math.Pow(2, retry - 1));
            for (var i = 0; i < 50; i++)
            {
                var delay = backoff.DelayBeforeRetry(retry).TotalMilliseconds;
                Assert.InRange(delay, 0, ceiling);
            }
        }
    }
}
