using System.Collections.Concurrent;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>Secret keys, session tokens and signatures never show up in traces, exception messages or ToString.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task Secrets_never_appear_in_traces_or_errors()
    {
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        await using var server = new LoopbackServer((request, number) => number switch
        {
            1 => Reply.ServiceError(400, "InvalidArgumentException", "bad"),
            2 => Reply.Raw(502, "Bad Gateway", "text/html", "<html>proxy</html>"),
            3 or 4 or 5 => new Reply { Drop = true },
            6 => Reply.Endpoints(("WSS", "ftp://bad.example")),
            7 => Reply.Raw(200, "OK", "application/json", "{broken"),
            _ => Reply.Endpoints(("WSS", "wss://m.example")),
        });
        using var client = TestClients.Create(server, o =>
        {
            o.RequestTrace = traces.Enqueue;
            o.MaxAttempts = 1;
        });

        var errors = new List<Exception>();
        for (var i = 0; i < 7; i++)
        {
            errors.Add(await Assert.ThrowsAnyAsync<KvsSignalingException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)));
        }

        var success = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        var signatures = server.Requests.Select(r => r.Header("Authorization")!).Select(a => a[(a.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..]).ToList();
        Assert.Equal(8, signatures.Count);
        Assert.All(signatures, s => Assert.Equal(64, s.Length));
        var texts = errors.Select(e => e.ToString()).Concat(errors.Select(e => e.Message))
            .Concat(traces.Select(t => t.ToString()))
            .Concat(traces.Select(t => string.Join("|", t.Operation, t.Endpoint, t.RequestId, t.ErrorCode)))
            .Append(success.ToString()!)
            .Append(string.Join("|", success.Endpoints))
            .ToList();
        Assert.Equal(8, traces.Count);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(TestClients.SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClients.SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);
            Assert.All(signatures, signature => Assert.DoesNotContain(signature, text, StringComparison.Ordinal));
        }

        // The secret key is never sent; the session token is sent only in its own header.
        Assert.All(server.Requests, r => Assert.DoesNotContain(TestClients.SecretKey, r.ToString(), StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.Equal(TestClients.SessionToken, r.Header("X-Amz-Security-Token")));
    }

    [Fact]
    public void Options_and_credentials_errors_do_not_echo_secrets()
    {
        var error = Assert.Throws<ArgumentException>(() => new KvsSignalingClient(new KvsSignalingClientOptions
        {
            Credentials = new Amazon.Runtime.SessionAWSCredentials(TestClients.AccessKey, TestClients.SecretKey, TestClients.SessionToken),
            Region = "NOT A REGION",
            EnvironmentVariable = _ => null,
        }));

        Assert.Contains("NOT A REGION", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SecretKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SessionToken, error.ToString(), StringComparison.Ordinal);
    }
}
