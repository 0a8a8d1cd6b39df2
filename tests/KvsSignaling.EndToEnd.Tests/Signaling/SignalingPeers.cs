using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;
using KvsSignaling.Local.Admin;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>A connection and its message stream, read one message at a time with the test's hang guard.</summary>
internal sealed class SignalingPeer : IAsyncDisposable
{
    private readonly IAsyncEnumerator<SignalingMessage> _messages;

    public SignalingPeer(KvsSignalingConnection connection, CancellationToken cancellationToken)
    {
        Connection = connection;
        _messages = connection.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    public KvsSignalingConnection Connection { get; }

    public async Task<SignalingMessage> NextAsync()
    {
        Assert.True(await _messages.MoveNextAsync(), "The message stream ended.");
        return _messages.Current;
    }

    public async Task<T> NextAsync<T>()
        where T : SignalingMessage
    {
        var message = await NextAsync();
        return Assert.IsType<T>(message);
    }

    /// <summary>True when the stream ended without an error; throws what it ended with otherwise.</summary>
    public async Task<bool> EndedAsync() => !await _messages.MoveNextAsync();

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _messages.DisposeAsync();
    }
}

/// <summary>Connections to kvs-local through the library, and waits for kvs-local's side of them.</summary>
internal static class SignalingPeers
{
    public static async Task<SignalingPeer> ConnectAsync(KvsSignalingClient client, ChannelArn arn, ChannelRole role, string? clientId, CancellationToken cancellationToken, SignalingConnectionOptions? options = null) =>
        new(await client.ConnectAsync(arn, role, clientId, options, cancellationToken), cancellationToken);

    /// <summary>Waits until kvs-local shows what a test expects of its connections (they join and leave a moment after the client's handshake or close).</summary>
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    public static IReadOnlyList<SignalingConnectionInfo> ConnectionsOf(KvsLocalServer server, ChannelArn arn, string role) =>
        server.Admin.Connections.Where(c => c.ChannelARN == arn.Value && c.Role == role).ToList();

    /// <summary>Fast reconnects, so a test's drops cost milliseconds.</summary>
    public static SignalingConnectionOptions Quick(Action<SignalingConnectionOptions>? configure = null)
    {
        var options = new SignalingConnectionOptions
        {
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(5),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return options;
    }

    public static CancellationTokenSource Guard() => HangGuard.Start();
}
