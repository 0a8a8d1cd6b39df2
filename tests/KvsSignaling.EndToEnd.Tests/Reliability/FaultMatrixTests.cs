using System.Diagnostics;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.EndToEnd.Tests.Reliability;

/// <summary>
/// Every kind of fault kvs-local can inject, brief (fewer hits than attempts) and persistent, against the read
/// operations: the call ends in success after retries or in one exception of the documented type that names the
/// operation and the cause; the same client's next lookup works; no task exception goes unobserved.
/// </summary>
public sealed class FaultMatrixTests(KvsLocalFixture fixture) : IClassFixture<KvsLocalFixture>
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Operation, fault, hits (null: every request), outcome, attempts the server sees, and the words the message must
    /// carry ('|' joins words that must all appear, '/' alternatives). A truncated body may read as a failed connection:
    /// kvs-local aborts the connection right after the partial body, and the reset can overtake the bytes on the socket.
    /// </summary>
    public static TheoryData<string, FaultKind, int?, Outcome, int, string> Matrix()
    {
        var data = new TheoryData<string, FaultKind, int?, Outcome, int, string>();
        foreach (var operation in new[] { "GetSignalingChannelEndpoint", "DescribeSignalingChannel" })
        {
            data.Add(operation, FaultKind.Throttle, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.Throttle, null, Outcome.ServiceError, 3, "ClientLimitExceededException");
            data.Add(operation, FaultKind.InternalError, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.InternalError, null, Outcome.ServiceError, 3, "InternalFailure");
            data.Add(operation, FaultKind.ServiceUnavailable, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.ServiceUnavailable, null, Outcome.ServiceError, 3, "ServiceUnavailable");
            data.Add(operation, FaultKind.DropConnection, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.DropConnection, null, Outcome.TransportError, 3, "connection failed");
            data.Add(operation, FaultKind.Latency, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.Latency, null, Outcome.TransportError, 3, "timed out");
            data.Add(operation, FaultKind.TruncatedBody, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.TruncatedBody, null, Outcome.TransportError, 3, "cut short/connection failed");
            data.Add(operation, FaultKind.HtmlErrorPage, 2, Outcome.Success, 3, string.Empty);
            data.Add(operation, FaultKind.HtmlErrorPage, null, Outcome.TransportError, 3, "HTTP 502|text/html");

            // A 200 answer that cannot be read is not retried: the request reached the service and was handled.
            data.Add(operation, FaultKind.MalformedBody, 1, Outcome.TransportError, 1, "not valid JSON");
            data.Add(operation, FaultKind.MalformedBody, null, Outcome.TransportError, 1, "not valid JSON");
            data.Add(operation, FaultKind.OversizedBody, 1, Outcome.TransportError, 1, "larger than the limit of 1048576 bytes");
            data.Add(operation, FaultKind.OversizedBody, null, Outcome.TransportError, 1, "larger than the limit of 1048576 bytes");
        }

        data.Add("GetSignalingChannelEndpoint", FaultKind.WrongEndpointScheme, 1, Outcome.EndpointError, 1, "scheme|allowed");
        data.Add("GetSignalingChannelEndpoint", FaultKind.WrongEndpointScheme, null, Outcome.EndpointError, 1, "scheme|allowed");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_fault_ends_in_success_or_one_clear_exception_and_the_client_goes_on(
        string operation, FaultKind kind, int? count, Outcome outcome, int serverAttempts, string messageWords)
    {
        using var unobserved = new UnobservedTaskExceptions();
        var server = fixture.Server;
        using var client = LocalClients.Create(server, o =>
        {
            o.MaxAttempts = MaxAttempts;
            o.AttemptTimeout = AttemptTimeout;
        });
        using var setup = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await setup.CreateSignalingChannelAsync(Channels.UniqueName("fault"), cancellationToken: guard.Token);
        var before = server.Admin.GetRequestCount(operation);
        var rule = new FaultRule
        {
            Kind = kind,
            Operation = operation,
            Count = count,
            LatencyMs = 4_000,
            SizeBytes = 2 * 1024 * 1024,
        };
        var fault = server.Admin.AddFault(rule);
        Exception? thrown;
        try
        {
            thrown = await Record.ExceptionAsync(() => Call(client, operation, arn, guard.Token));
        }
        finally
        {
            server.Admin.ClearFaults();
        }

        Assert.False(guard.IsCancellationRequested, $"{kind} hung the call until the {HangGuard.Ceiling} guard fired");
        Assert.Equal(serverAttempts, server.Admin.GetRequestCount(operation) - before);
        switch (outcome)
        {
            case Outcome.Success:
                Assert.Null(thrown);
                break;
            case Outcome.ServiceError:
                var service = Assert.IsType<KvsServiceException>(thrown);
                Assert.Equal(messageWords, service.ErrorCode);
                Assert.Equal(MaxAttempts, service.Attempts);
                Assert.NotNull(service.RequestId);
                Assert.Contains(service.RequestId!, service.Message, StringComparison.Ordinal);
                AssertNames(service, operation, messageWords);
                break;
            case Outcome.TransportError:
                var transport = Assert.IsType<KvsTransportException>(thrown);
                Assert.Equal(serverAttempts, transport.Attempts);
                AssertNames(transport, operation, messageWords);
                break;
            case Outcome.EndpointError:
                var endpoint = Assert.IsType<KvsEndpointException>(thrown);
                Assert.Contains(endpoint.Endpoint, endpoint.Message, StringComparison.Ordinal);
                Assert.NotNull(endpoint.Protocol);
                AssertNames(endpoint, operation, messageWords);
                break;
        }

        // The pipeline goes on: the same client, the same channel, the fault gone.
        var next = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token);
        Assert.NotNull(next.Wss);
        Assert.Equal(arn, (await client.DescribeSignalingChannelAsync(arn, guard.Token)).ChannelARN);
        Assert.NotNull(fault.Id);
        unobserved.AssertNone();
    }

    [Fact]
    public async Task Persistent_faults_on_many_concurrent_lookups_each_end_once_and_leave_nothing_behind()
    {
        using var unobserved = new UnobservedTaskExceptions();
        var server = fixture.Server;
        using var client = LocalClients.Create(server, o => o.AttemptTimeout = AttemptTimeout);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("many"), cancellationToken: guard.Token);
        var operation = "GetSignalingChannelEndpoint";
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.DropConnection, Operation = operation, Rate = 0.3 });
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.InternalError, Operation = operation, Rate = 0.3 });
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.TruncatedBody, Operation = operation, Rate = 0.3 });
        Exception?[] outcomes;
        try
        {
            outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ =>
                Record.ExceptionAsync(() => client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token))));
        }
        finally
        {
            server.Admin.ClearFaults();
        }

        Assert.False(guard.IsCancellationRequested);
        Assert.All(outcomes.Where(e => e is not null), e => Assert.True(e is KvsServiceException or KvsTransportException, e!.ToString()));
        Assert.NotNull(await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token));
        unobserved.AssertNone();
    }

    private static void AssertNames(KvsSignalingException error, string operation, string messageWords)
    {
        Assert.Equal(operation, error.Operation);
        Assert.StartsWith(operation, error.Message, StringComparison.Ordinal);
        foreach (var word in messageWords.Split('|'))
        {
            Assert.True(word.Split('/').Any(w => error.Message.Contains(w, StringComparison.Ordinal)), $"'{word}' is missing from: {error.Message}");
        }

        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }

    private static async Task Call(KvsSignalingClient client, string operation, ChannelArn arn, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        if (operation == "GetSignalingChannelEndpoint")
        {
            var result = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: token);
            Assert.Equal(arn, result.ChannelArn);
            Assert.NotNull(result.Wss);
        }
        else
        {
            Assert.Equal(arn, (await client.DescribeSignalingChannelAsync(arn, token)).ChannelARN);
        }

        Assert.True(watch.Elapsed < HangGuard.Ceiling);
    }
}
