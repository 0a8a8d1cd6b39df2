using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using Channel = KvsSignaling.Local.Channels.Channel;

namespace KvsSignaling.Local.Signaling;

/// <summary>
/// One client's WebSocket. Frames to it go through a bounded queue drained by a single writer, so a client
/// that stops reading costs at most the queue (then it is aborted) and never holds up whoever sends to it.
/// Closing drains the queue, sends the close frame, and aborts if the handshake does not finish in time.
/// </summary>
internal sealed class SignalingConnection
{
    private readonly WebSocket _socket;
    private readonly SignalingLimits _limits;
    private readonly TimeProvider _time;
    private readonly Channel<byte[]> _outbox;
    private readonly CancellationTokenSource _lifetime = new();
    private int _closing;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string _closeDescription = string.Empty;
    private long _lastFrame;
    private long _messagesIn;
    private long _messagesOut;

    public SignalingConnection(string id, Channel channel, SignalingRole role, string? clientId, WebSocket socket,
        SignalingLimits limits, TimeProvider time, MessageQuotas? quotas)
    {
        Id = id;
        Channel = channel;
        Role = role;
        ClientId = clientId;
        Quotas = quotas;
        _socket = socket;
        _limits = limits;
        _time = time;
        Since = time.GetUtcNow();
        _lastFrame = time.GetTimestamp();
        _outbox = System.Threading.Channels.Channel.CreateBounded<byte[]>(new BoundedChannelOptions(limits.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _lifetime.Token.Register(socket.Abort);
    }

    public string Id { get; }

    public Channel Channel { get; }

    public SignalingRole Role { get; }

    public string? ClientId { get; }

    public MessageQuotas? Quotas { get; }

    public DateTimeOffset Since { get; }

    public long MessagesIn => Interlocked.Read(ref _messagesIn);

    public long MessagesOut => Interlocked.Read(ref _messagesOut);

    public bool IsClosing => Volatile.Read(ref _closing) == 1;

    /// <summary>Called when the watchdog sends GO_AWAY, so the message counts can include it.</summary>
    public Action? OnGoAway { get; init; }

    /// <summary>Queues a frame; a full queue means the client stopped reading, and the connection is aborted.</summary>
    public bool TrySend(byte[] frame)
    {
        if (_outbox.Writer.TryWrite(frame))
        {
            return true;
        }

        if (!IsClosing)
        {
            // Senders call this under their channel's lock; aborting runs the socket's callbacks, so not here.
            ThreadPool.UnsafeQueueUserWorkItem(connection => connection.Abort(), this, preferLocal: false);
        }

        return false;
    }

    /// <summary>Sends what is queued, then the close frame; aborts when the handshake takes longer than the close timeout.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        _closeStatus = status;
        _closeDescription = description;
        _outbox.Writer.TryComplete();
        try
        {
            _lifetime.CancelAfter(_limits.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Drops the TCP connection at once: no close frame, queued frames lost.</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _outbox.Writer.TryComplete();
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Runs the connection until it is closed or aborted; each complete client message goes to <paramref name="onMessage"/>.</summary>
    public async Task RunAsync(Func<SignalingConnection, ReadOnlyMemory<byte>, bool, ValueTask> onMessage)
    {
        var writer = WriteLoopAsync();
        var watchdog = WatchdogAsync();
        try
        {
            await ReceiveLoopAsync(onMessage);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Invalid UTF-8 and protocol errors land here too: the WebSocket layer has already aborted the socket.
            Abort();
        }

        Close(WebSocketCloseStatus.NormalClosure, string.Empty);
        await writer;
        _lifetime.Cancel();
        await watchdog;
        _lifetime.Dispose();
    }

    private async Task ReceiveLoopAsync(Func<SignalingConnection, ReadOnlyMemory<byte>, bool, ValueTask> onMessage)
    {
        // One byte more than the limit, so a message of exactly the limit is told apart from a longer one.
        var buffer = ArrayPool<byte>.Shared.Rent(_limits.MaxFrameBytes + 1);
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    var space = count > _limits.MaxFrameBytes ? buffer.AsMemory(0, Math.Min(buffer.Length, 4096)) : buffer.AsMemory(count, _limits.MaxFrameBytes + 1 - count);
                    result = await _socket.ReceiveAsync(space, _lifetime.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (count <= _limits.MaxFrameBytes)
                    {
                        count += result.Count;
                    }
                }
                while (!result.EndOfMessage);

                Volatile.Write(ref _lastFrame, _time.GetTimestamp());
                Interlocked.Increment(ref _messagesIn);
                if (IsClosing)
                {
                    continue;
                }

                if (count > _limits.MaxFrameBytes)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, $"A message may be at most {_limits.MaxFrameBytes} bytes.");
                    continue;
                }

                await onMessage(this, buffer.AsMemory(0, count), result.MessageType == WebSocketMessageType.Binary);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(_lifetime.Token))
            {
                while (_outbox.Reader.TryRead(out var frame))
                {
                    Interlocked.Increment(ref _messagesOut);
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, true, _lifetime.Token);
                }
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_closeStatus, _closeDescription, _lifetime.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Abort();
        }
    }

    // Ends the connection at its maximum age (GO_AWAY a grace period before) and after the idle timeout.
    private async Task WatchdogAsync()
    {
        var start = _time.GetTimestamp();
        var goAwaySent = false;
        try
        {
            while (!IsClosing)
            {
                var now = _time.GetTimestamp();
                var age = _time.GetElapsedTime(start, now);
                var idle = _time.GetElapsedTime(Volatile.Read(ref _lastFrame), now);
                if (idle >= _limits.IdleTimeout && age < _limits.MaxDuration)
                {
                    Close(WebSocketCloseStatus.NormalClosure, "The connection was idle too long.");
                    return;
                }

                // GO_AWAY always comes before the close at the maximum age, even when this wakes up late.
                var goAwayAt = _limits.MaxDuration - _limits.GoAwayGrace;
                if (!goAwaySent && age >= goAwayAt)
                {
                    goAwaySent = true;
                    OnGoAway?.Invoke();
                    TrySend(ServiceMessages.Notice(ServiceMessages.GoAway));
                }

                if (age >= _limits.MaxDuration)
                {
                    Close(WebSocketCloseStatus.NormalClosure, "The connection reached its maximum duration.");
                    return;
                }

                var next = Min(_limits.MaxDuration - age, _limits.IdleTimeout - idle);
                if (!goAwaySent)
                {
                    next = Min(next, goAwayAt - age);
                }

                // Task.Delay takes at most about 49 days; waking up hourly keeps any configured duration safe.
                await Task.Delay(Min(Max(next, TimeSpan.FromMilliseconds(1)), TimeSpan.FromHours(1)), _time, _lifetime.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
