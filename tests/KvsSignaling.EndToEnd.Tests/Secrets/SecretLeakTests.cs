using System.Collections.Concurrent;
using Amazon.Runtime;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.EndToEnd.Tests.Secrets;

/// <summary>
/// Temporary credentials with known secret and session token values, through success, service errors, retries and a
/// rejected signature: neither value shows up in an exception, a trace record, or any file written under the test's
/// folder (a log of everything the test saw, and kvs-local's state file).
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string AccessKey = "ASIAENDTOENDTEST";
    private const string SecretKey = "e2e/SECRET+key-never-shown-9f8e7d6c5b4a";
    private const string SessionToken = "E2E-session-TOKEN-never-shown-a1b2c3d4e5f6";
    private const string Account = "210987654321";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kvs-e2e-secrets-" + Guid.NewGuid().ToString("N"));

    public SecretLeakTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Neither_secret_key_nor_session_token_appears_in_exceptions_traces_or_files()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            QuotasEnabled = false,
            StateFilePath = Path.Combine(_folder, "state.json"),
            Credentials = new[] { new KvsLocalCredential(AccessKey, SecretKey, Account) { SessionToken = SessionToken } },
        });
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        var log = new List<string>();
        using var client = LocalClients.Create(server, o =>
        {
            o.Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken);
            o.RequestTrace = traces.Enqueue;
            o.EnableEndpointCache = true;
        });
        using var wrongSecret = LocalClients.Create(server, o =>
        {
            o.Credentials = new SessionAWSCredentials(AccessKey, SecretKey + "-wrong", SessionToken);
            o.RequestTrace = traces.Enqueue;
        });
        using var wrongToken = LocalClients.Create(server, o =>
        {
            o.Credentials = new SessionAWSCredentials(AccessKey, SecretKey, SessionToken + "-wrong");
            o.RequestTrace = traces.Enqueue;
        });
        using var guard = HangGuard.Start();

        // Success.
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("secret"), cancellationToken: guard.Token);
        Assert.Equal(Account, arn.AccountId);
        log.Add((await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token)).Wss!.ToString());

        // Retries that end in success, then retries that run out.
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = "DescribeSignalingChannel", Count = 2 });
        log.Add((await client.DescribeSignalingChannelAsync(arn, guard.Token)).ToString());
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = "DescribeSignalingChannel" });
        var errors = new List<Exception> { await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(arn, guard.Token)) };
        server.Admin.ClearFaults();

        // Service errors, a transport error, and the two ways the service rejects credentials.
        errors.Add(await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelByNameAsync("no-such-channel", guard.Token)));
        errors.Add(await Assert.ThrowsAsync<KvsServiceException>(() => client.UpdateSignalingChannelAsync(arn, "stale0version", 30, guard.Token)));
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.DropConnection, Operation = "GetSignalingChannelEndpoint" });
        errors.Add(await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token)));
        server.Admin.ClearFaults();
        var badSignature = await Assert.ThrowsAsync<KvsServiceException>(() => wrongSecret.DescribeSignalingChannelAsync(arn, guard.Token));
        Assert.Equal("InvalidSignatureException", badSignature.ErrorCode);
        var badToken = await Assert.ThrowsAsync<KvsServiceException>(() => wrongToken.DescribeSignalingChannelAsync(arn, guard.Token));
        Assert.Equal("UnrecognizedClientException", badToken.ErrorCode);
        errors.Add(badSignature);
        errors.Add(badToken);

        Assert.Contains(traces, t => t.WillRetry);
        Assert.Contains(traces, t => t.ErrorCode == "InvalidSignatureException");
        log.AddRange(errors.Select(e => e.ToString()));
        log.AddRange(traces.Select(t => string.Join(" ", t.ToString(), t.Operation, t.Endpoint, t.RequestId, t.ErrorCode)));
        await File.WriteAllLinesAsync(Path.Combine(_folder, "run.log"), log, guard.Token);

        var leaks = errors.Select(e => e.ToString())
            .Concat(traces.Select(t => t.ToString() + t.RequestId + t.ErrorCode + t.Endpoint))
            .Where(text => text.Contains(SecretKey, StringComparison.Ordinal) || text.Contains(SessionToken, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(leaks);
        var files = Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "state.json");
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, guard.Token);
            Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
