using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using KvsSignaling.Caching;
using KvsSignaling.Signaling;
using KvsSignaling.Transport;

namespace KvsSignaling;

/// <summary>
/// A WebSocket connection to a signaling channel as master or viewer (ConnectAsMaster, ConnectAsViewer), from
/// <see cref="KvsSignalingClient.ConnectAsync"/>. Sends SDP offers, answers and ICE candidates; delivers what arrives
/// through <see cref="ReadAllAsync"/>; reconnects with a new presigned URL on <c>GO_AWAY</c> and after a dropped
/// connection. Thread-safe: sends from several threads go out one frame at a time. Dispose it to close.
/// </summary>
/// <remarks>
/// The connection uses its <see cref="KvsSignalingClient"/> to presign each (re)connect and to drop the channel's kept
/// ICE servers on <c>RECONNECT_ICE_SERVER</c>; keep the client alive while the connection is open.
/// </remarks>
public sealed class KvsSignalingConnection : IAsyncDisposable, IDisposable
{
    /// <summary>The service operation a connection in this role is: ConnectAsMaster or ConnectAsViewer.</summary>
    internal static string OperationOf(ChannelRole role) => role == ChannelRole.Master ? "ConnectAsMaster" : "ConnectAsViewer";

    // Frames from the service are at most a 10K payload plus the envelope; anything far larger is skipped.
    private const int MaxFrameBytes = 1024 * 1024;

    private readonly KvsSignalingClient _client;
    private readonly SignalingConnectionOptions _options;
    private readonly string _operation;
    private readonly Channel<SignalingMessage> _inbox;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StatusResponseMessage>> _waiting = new(StringComparer.Ordinal);
    private readonly Backoff _backoff;
    private readonly object _stateLock = new();

    // The socket sends use: null while reconnecting and once closed. _ready completes true when it is set, false when
    // the connection has ended for good; a reconnect replaces it with a new, incomplete one. Neither ever faults, so
    // nothing is left unobserved.
    private ClientWebSocket? _socket;
    private TaskCompletionSource<bool> _ready = NewReady();
    private KvsSignalingConnectionException? _ended;
    private bool _endedAfterGoAway;
    private Task _loop = Task.CompletedTask;
    private int _disposeState;
    private volatile bool _closing;

    private KvsSignalingConnection(KvsSignalingClient client, ChannelArn channelArn, ChannelRole role, string? clientId, SignalingConnectionOptions options)
    {
        _client = client;
        ChannelArn = channelArn;
        Role = role;
        ClientId = clientId;
        _options = options;
        _operation = OperationOf(role);
        _backoff = new Backoff(options.ReconnectBaseDelay, options.ReconnectMaxDelay);
        _inbox = Channel.CreateBounded<SignalingMessage>(new BoundedChannelOptions(options.ReceiveBufferCapacity)
        {
            // Wait: a full buffer holds up the socket's read loop (backpressure); nothing is dropped.
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    /// <summary>The channel connected to.</summary>
    public ChannelArn ChannelArn { get; }

    /// <summary>The role connected as.</summary>
    public ChannelRole Role { get; }

    /// <summary>The viewer's client id; null for the master.</summary>
    public string? ClientId { get; }

    /// <summary>
    /// Sends an SDP offer (<c>SDP_OFFER</c>, payload <c>{"type":"offer","sdp":…}</c> in base64). A viewer sends to the
    /// master and names no recipient; a master names the viewer.
    /// </summary>
    /// <param name="sdp">The session description.</param>
    /// <param name="recipientClientId">The viewer's client id, for a master; null for a viewer.</param>
    /// <param name="correlationId">Optional 1..256 of <c>[a-zA-Z0-9_.-]</c>: the send then waits up to <see cref="SignalingConnectionOptions.StatusResponseWait"/> for the service to refuse it.</param>
    /// <param name="cancellationToken">Stops waiting (for a reconnect, for the socket, or for the status); a frame already being written is finished.</param>
    /// <exception cref="ArgumentException">An argument is invalid (nothing is sent).</exception>
    /// <exception cref="KvsSignalingStatusException">The service answered the correlation id with an error.</exception>
    /// <exception cref="KvsSignalingConnectionException">The connection is lost, closed, or failed while the frame was written (it may not have arrived).</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task SendSdpOfferAsync(string sdp, string? recipientClientId = null, string? correlationId = null, CancellationToken cancellationToken = default) =>
        SendSdpAsync(SignalingPayloads.SdpOffer, "offer", sdp, recipientClientId, correlationId, cancellationToken);

    /// <summary>
    /// Sends an SDP answer (<c>SDP_ANSWER</c>, payload <c>{"type":"answer","sdp":…}</c> in base64). A master names the
    /// viewer it answers; a viewer names no recipient.
    /// </summary>
    /// <param name="sdp">The session description.</param>
    /// <param name="recipientClientId">The viewer's client id, for a master; null for a viewer.</param>
    /// <param name="correlationId">Optional 1..256 of <c>[a-zA-Z0-9_.-]</c>: the send then waits up to <see cref="SignalingConnectionOptions.StatusResponseWait"/> for the service to refuse it.</param>
    /// <param name="cancellationToken">Stops waiting (for a reconnect, for the socket, or for the status); a frame already being written is finished.</param>
    /// <exception cref="ArgumentException">An argument is invalid (nothing is sent).</exception>
    /// <exception cref="KvsSignalingStatusException">The service answered the correlation id with an error.</exception>
    /// <exception cref="KvsSignalingConnectionException">The connection is lost, closed, or failed while the frame was written (it may not have arrived).</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task SendSdpAnswerAsync(string sdp, string? recipientClientId = null, string? correlationId = null, CancellationToken cancellationToken = default) =>
        SendSdpAsync(SignalingPayloads.SdpAnswer, "answer", sdp, recipientClientId, correlationId, cancellationToken);

    /// <summary>
    /// Sends an ICE candidate (<c>ICE_CANDIDATE</c>, payload <c>{"candidate","sdpMid","sdpMLineIndex"}</c> in base64,
    /// absent members left out).
    /// </summary>
    /// <param name="candidate">The candidate line; empty marks the end of candidates.</param>
    /// <param name="sdpMid">The media stream identification tag, when known.</param>
    /// <param name="sdpMLineIndex">The index of the media description, when known (0 or more).</param>
    /// <param name="recipientClientId">The viewer's client id, for a master; null for a viewer.</param>
    /// <param name="correlationId">Optional 1..256 of <c>[a-zA-Z0-9_.-]</c>: the send then waits up to <see cref="SignalingConnectionOptions.StatusResponseWait"/> for the service to refuse it.</param>
    /// <param name="cancellationToken">Stops waiting (for a reconnect, for the socket, or for the status); a frame already being written is finished.</param>
    /// <exception cref="ArgumentException">An argument is invalid (nothing is sent).</exception>
    /// <exception cref="KvsSignalingStatusException">The service answered the correlation id with an error.</exception>
    /// <exception cref="KvsSignalingConnectionException">The connection is lost, closed, or failed while the frame was written (it may not have arrived).</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task SendIceCandidateAsync(string candidate, string? sdpMid, int? sdpMLineIndex, string? recipientClientId = null, string? correlationId = null, CancellationToken cancellationToken = default)
    {
        if (candidate is null)
        {
            throw new ArgumentNullException(nameof(candidate), "An ICE candidate is required (empty marks the end of candidates).");
        }

        if (sdpMLineIndex is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sdpMLineIndex), sdpMLineIndex, $"sdpMLineIndex {sdpMLineIndex} must be 0 or more.");
        }

        CheckSend(recipientClientId, correlationId);
        var payload = CheckedPayload(SignalingPayloads.Candidate(candidate, sdpMid, sdpMLineIndex), nameof(candidate));
        return SendAsync(SignalingPayloads.IceCandidate, payload, recipientClientId, correlationId, cancellationToken);
    }

    /// <summary>
    /// The messages that arrive, in order, with the connection's own <see cref="ConnectionStateMessage"/>s among them.
    /// The stream ends when the connection is disposed, or after <c>GO_AWAY</c> with
    /// <see cref="SignalingConnectionOptions.ReconnectOnGoAway"/> off; it ends with <see cref="KvsSignalingConnectionException"/>
    /// when the service closes the connection or reconnecting gives up. Read it from one place: each message is handed out once.
    /// </summary>
    /// <param name="cancellationToken">Stops this enumeration; the connection stays open.</param>
    /// <exception cref="KvsSignalingConnectionException">The service closed the connection, or it was lost and could not be reopened.</exception>
    public async IAsyncEnumerable<SignalingMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                yield return message;
            }
        }
    }

    /// <summary>
    /// Closes the connection: sends the close frame, waits up to <see cref="SignalingConnectionOptions.CloseTimeout"/> for
    /// the service's answer, then stops the read loop. Sends still waiting fail with <see cref="ObjectDisposedException"/>;
    /// the message stream ends.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeState, 1) != 0)
        {
            return;
        }

        _closing = true;
        using (var deadline = new CancellationTokenSource(_options.CloseTimeout))
        {
            try
            {
                var closeSent = false;
                if (await _sendLock.WaitAsync(_options.CloseTimeout).ConfigureAwait(false))
                {
                    try
                    {
                        var socket = CurrentSocket();
                        if (socket is { State: WebSocketState.Open })
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, deadline.Token).ConfigureAwait(false);
                            closeSent = true;
                        }
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }

                if (closeSent)
                {
                    // The read loop ends when the service answers the close frame.
                    await Task.WhenAny(_loop, Task.Delay(_options.CloseTimeout, deadline.Token)).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (IsSocketFailure(e))
            {
                // Closing politely is best effort; the connection is dropped below either way.
            }
        }

        _lifetime.Cancel();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Closes the connection as <see cref="DisposeAsync"/> does, blocking until it is closed.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal static async Task<KvsSignalingConnection> OpenAsync(KvsSignalingClient client, ChannelArn channelArn, ChannelRole role, string? clientId, SignalingConnectionOptions options, CancellationToken cancellationToken)
    {
        var connection = new KvsSignalingConnection(client, channelArn, role, clientId, options);
        ClientWebSocket socket;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection._lifetime.Token);
            socket = await connection.ConnectOnceAsync(linked.Token).ConfigureAwait(false);
        }
        catch
        {
            connection._lifetime.Dispose();
            connection._sendLock.Dispose();
            throw;
        }

        connection.SetConnected(socket);
        connection._loop = Task.Run(() => connection.RunAsync(socket));
        return connection;
    }

    private static TaskCompletionSource<bool> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static bool IsSocketFailure(Exception e) =>
        e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException;

    private static string CheckedPayload(string payload, string paramName)
    {
        if (payload.Length > SignalingPayloads.MaxPayloadLength)
        {
            throw new ArgumentException($"The message payload is {payload.Length} characters of base64; the service takes at most {SignalingPayloads.MaxPayloadLength}.", paramName);
        }

        return payload;
    }

    private Task SendSdpAsync(string action, string type, string sdp, string? recipientClientId, string? correlationId, CancellationToken cancellationToken)
    {
        if (sdp is null)
        {
            throw new ArgumentNullException(nameof(sdp), "A session description is required.");
        }

        if (sdp.Length == 0)
        {
            throw new ArgumentException("The session description is empty.", nameof(sdp));
        }

        CheckSend(recipientClientId, correlationId);
        return SendAsync(action, CheckedPayload(SignalingPayloads.Sdp(type, sdp), nameof(sdp)), recipientClientId, correlationId, cancellationToken);
    }

    private void CheckSend(string? recipientClientId, string? correlationId)
    {
        if (Volatile.Read(ref _disposeState) != 0)
        {
            throw new ObjectDisposedException(nameof(KvsSignalingConnection));
        }

        if (Role == ChannelRole.Master)
        {
            if (recipientClientId is null)
            {
                throw new ArgumentNullException(nameof(recipientClientId), "A master's message names the viewer it goes to: its client id, 1 to 256 characters of [a-zA-Z0-9_.-].");
            }

            ModelConstraints.Check(recipientClientId, nameof(recipientClientId), "Recipient client id", ModelConstraints.ChannelName, ModelConstraints.ChannelNamePattern, 1, 256);
        }
        else if (recipientClientId is not null)
        {
            throw new ArgumentException("A viewer's messages go to the master: pass no recipient client id.", nameof(recipientClientId));
        }

        if (correlationId is not null)
        {
            ModelConstraints.Check(correlationId, nameof(correlationId), "Correlation id", ModelConstraints.ChannelName, ModelConstraints.ChannelNamePattern, 1, 256);
        }
    }

    private async Task SendAsync(string action, string payload, string? recipientClientId, string? correlationId, CancellationToken cancellationToken)
    {
        var operation = SignalingPayloads.OperationOf(action);
        var frame = SignalingPayloads.Envelope(action, payload, recipientClientId, correlationId);
        TaskCompletionSource<StatusResponseMessage>? answer = null;
        if (correlationId is not null && _options.StatusResponseWait > TimeSpan.Zero)
        {
            answer = new TaskCompletionSource<StatusResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_waiting.TryAdd(correlationId, answer))
            {
                throw new InvalidOperationException($"A send with correlation id '{correlationId}' is already waiting for its status; use a new id for each message.");
            }
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
            await WriteFrameAsync(frame, operation, linked.Token).ConfigureAwait(false);
            if (answer is null)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            var elapsed = Task.Delay(_options.StatusResponseWait, wait.Token);
            var first = await Task.WhenAny(answer.Task, elapsed).ConfigureAwait(false);
            wait.Cancel();
            if (first == answer.Task)
            {
                var status = answer.Task.Result;
                if (!status.IsSuccess)
                {
                    throw new KvsSignalingStatusException(
                        $"{operation} was refused by the signaling service: {status.ErrorType} ({status.StatusCode}): {status.Description} (correlation id {correlationId}).",
                        operation, correlationId!, status.ErrorType, status.StatusCode, status.Description);
                }

                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfDisposedDuringWait();

            // No answer within the wait: the service answers only failures, so the message was accepted.
        }
        finally
        {
            if (answer is not null)
            {
                ((ICollection<KeyValuePair<string, TaskCompletionSource<StatusResponseMessage>>>)_waiting).Remove(new(correlationId!, answer));
            }
        }
    }

    private async Task WriteFrameAsync(byte[] frame, string operation, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<bool> ready;
            lock (_stateLock)
            {
                ready = _ready.Task;
            }

            bool open;
            try
            {
                open = await CancellableWait.WaitAsync(ready, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ThrowIfDisposedDuringWait();
                throw;
            }

            if (!open)
            {
                throw Closed(operation);
            }

            try
            {
                await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ThrowIfDisposedDuringWait();
                throw;
            }

            try
            {
                var socket = CurrentSocket();
                if (socket is null)
                {
                    // A reconnect began between the two waits: wait for its new socket.
                    continue;
                }

                try
                {
                    // Not the caller's token: cancelling a WebSocket write aborts the whole connection.
                    await socket.SendAsync(new ArraySegment<byte>(frame), WebSocketMessageType.Text, true, _lifetime.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (IsSocketFailure(e))
                {
                    ThrowIfDisposedDuringWait();
                    throw new KvsSignalingConnectionException(
                        $"{operation} failed: the connection to {ChannelArn.Value} as {Role.Value} was lost while the message was written, so it may not have arrived; the connection reconnects, send it again if it matters.",
                        operation, null, null, null, null, 1, e);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }

    private void ThrowIfDisposedDuringWait()
    {
        if (_lifetime.IsCancellationRequested || Volatile.Read(ref _disposeState) != 0)
        {
            throw new ObjectDisposedException(nameof(KvsSignalingConnection));
        }
    }

    private Exception Closed(string operation)
    {
        if (Volatile.Read(ref _disposeState) != 0)
        {
            return new ObjectDisposedException(nameof(KvsSignalingConnection));
        }

        KvsSignalingConnectionException? ended;
        bool afterGoAway;
        lock (_stateLock)
        {
            ended = _ended;
            afterGoAway = _endedAfterGoAway;
        }

        var why = afterGoAway
            ? "it closed after the service sent GO_AWAY (ReconnectOnGoAway is off); connect again"
            : ended?.Message ?? "it is closed";
        return new KvsSignalingConnectionException($"{operation} failed: the connection to {ChannelArn.Value} as {Role.Value} is not open: {why}", operation, ended?.ErrorCode, ended?.StatusCode, ended?.CloseStatus, ended?.CloseDescription, ended?.Attempts ?? 0, ended);
    }

    private ClientWebSocket? CurrentSocket()
    {
        lock (_stateLock)
        {
            return _socket;
        }
    }

    private void SetConnected(ClientWebSocket socket)
    {
        lock (_stateLock)
        {
            _socket = socket;
            _ready.TrySetResult(true);
        }
    }

    /// <summary>Sends wait from here until the next <see cref="SetConnected"/>; none is writing when this returns.</summary>
    private async Task BeginReconnectAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_stateLock)
            {
                _socket = null;
                if (_ready.Task.IsCompleted)
                {
                    _ready = NewReady();
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void End(KvsSignalingConnectionException? error, bool afterGoAway)
    {
        lock (_stateLock)
        {
            _ended = error;
            _endedAfterGoAway = afterGoAway;
            _socket = null;
            _ready.TrySetResult(false);
        }

        _inbox.Writer.TryComplete(error);
    }

    /// <summary>Reads, reconnects and ends: the connection's one long-running task, which never faults.</summary>
    private async Task RunAsync(ClientWebSocket first)
    {
        var socket = first;
        var token = _lifetime.Token;
        KvsSignalingConnectionException? error = null;
        var afterGoAway = false;
        try
        {
            while (true)
            {
                var end = await ReadUntilEndAsync(socket, token).ConfigureAwait(false);
                if (_closing)
                {
                    break;
                }

                if (end.Kind == EndKind.ClosedByService)
                {
                    await CloseAsync(socket, token).ConfigureAwait(false);
                    error = new KvsSignalingConnectionException(
                        $"The signaling service closed the connection to {ChannelArn.Value} as {Role.Value} ({end.CloseStatus}{(string.IsNullOrEmpty(end.CloseDescription) ? string.Empty : ": " + end.CloseDescription)}).",
                        _operation, null, null, end.CloseStatus, end.CloseDescription, 1);
                    break;
                }

                var reason = end.Kind == EndKind.GoAway ? ReconnectReason.GoAway : ReconnectReason.ConnectionLost;
                await BeginReconnectAsync(token).ConfigureAwait(false);
                if (reason == ReconnectReason.GoAway)
                {
                    // Break before make: our close frame follows our last message on the old socket, so the service reads
                    // every one of them, and what it sends us after that waits for the new connection (the channel keeps
                    // undelivered messages). What it still sends on the old socket comes first.
                    await DrainAsync(socket, token).ConfigureAwait(false);
                    if (_closing)
                    {
                        break;
                    }

                    if (!_options.ReconnectOnGoAway)
                    {
                        afterGoAway = true;
                        break;
                    }
                }
                else
                {
                    socket.Abort();
                    socket.Dispose();
                }

                var (next, attempt) = await ReconnectAsync(reason, end.Error, token).ConfigureAwait(false);
                socket = next;
                if (_closing)
                {
                    break;
                }

                SetConnected(next);
                if (KvsTelemetry.Reconnects.Enabled)
                {
                    KvsTelemetry.Reconnects.Add(1, new KeyValuePair<string, object?>("kvssignaling.role", Role.Value), new KeyValuePair<string, object?>("kvssignaling.reconnect.reason", reason.ToString()));
                }

                await _inbox.Writer.WriteAsync(new ConnectionStateMessage(SignalingMessageType.Reconnected, reason, attempt, TimeSpan.Zero, null), token).ConfigureAwait(false);
            }
        }
        catch (KvsSignalingConnectionException e)
        {
            error = e;
        }
        catch (Exception e) when (token.IsCancellationRequested && (e is OperationCanceledException || IsSocketFailure(e)))
        {
            // Disposed.
        }
        catch (Exception e)
        {
            // Not expected; the stream still ends with a connection error rather than hanging.
            error = new KvsSignalingConnectionException($"The signaling connection to {ChannelArn.Value} as {Role.Value} failed: {e.Message}", _operation, null, null, null, null, 1, e);
        }
        finally
        {
            socket.Abort();
            socket.Dispose();
            End(_closing ? null : error, afterGoAway);
        }
    }

    /// <summary>Reads frames until GO_AWAY, a close frame or a failure, handing each message on.</summary>
    private async Task<ReadEnd> ReadUntilEndAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int count;
            try
            {
                (count, buffer, var close) = await ReceiveFrameAsync(socket, buffer, cancellationToken).ConfigureAwait(false);
                if (close)
                {
                    var status = socket.CloseStatus is { } s ? (int)s : (int?)null;
                    if (status == (int)WebSocketCloseStatus.NormalClosure)
                    {
                        return new ReadEnd(EndKind.ClosedByService, status, socket.CloseStatusDescription, null);
                    }

                    var lost = new KvsSignalingConnectionException(
                        $"The signaling service closed the connection to {ChannelArn.Value} as {Role.Value} with status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} {socket.CloseStatusDescription}".TrimEnd() + ".",
                        _operation, null, null, status, socket.CloseStatusDescription, 1);
                    return new ReadEnd(EndKind.Lost, status, socket.CloseStatusDescription, lost);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsSocketFailure(e))
            {
                return new ReadEnd(EndKind.Lost, null, null, e);
            }

            if (count < 0)
            {
                continue;
            }

            var message = SignalingPayloads.Decode(new ReadOnlyMemory<byte>(buffer, 0, count));
            if (message is null)
            {
                continue;
            }

            await HandOnAsync(message, cancellationToken).ConfigureAwait(false);
            if (message.Type == SignalingMessageType.GoAway)
            {
                return new ReadEnd(EndKind.GoAway, null, null, null);
            }
        }
    }

    /// <summary>One whole frame: its length (-1 when it was too large and skipped), the buffer (grown if needed) and whether it was the close frame.</summary>
    private static async Task<(int Count, byte[] Buffer, bool Close)> ReceiveFrameAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var count = 0;
        var skipping = false;
        WebSocketReceiveResult result;
        do
        {
            if (count == buffer.Length)
            {
                if (buffer.Length >= MaxFrameBytes)
                {
                    skipping = true;
                    count = 0;
                }
                else
                {
                    Array.Resize(ref buffer, Math.Min(MaxFrameBytes, buffer.Length * 2));
                }
            }

            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (0, buffer, true);
            }

            count += result.Count;
        }
        while (!result.EndOfMessage);

        return (skipping || result.MessageType != WebSocketMessageType.Text ? -1 : count, buffer, false);
    }

    private async Task HandOnAsync(SignalingMessage message, CancellationToken cancellationToken)
    {
        if (message is StatusResponseMessage { CorrelationId: { } id } status && _waiting.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult(status);
            return;
        }

        if (message.Type == SignalingMessageType.ReconnectIceServer)
        {
            // Before the caller sees it, so that the next GetIceServerConfigAsync asks the service.
            _client.InvalidateIceServerConfig(ChannelArn);
        }

        await _inbox.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ClientWebSocket Socket, int Attempt)> ReconnectAsync(ReconnectReason reason, Exception? cause, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _options.MaxReconnectAttempts; attempt++)
        {
            var delay = reason == ReconnectReason.GoAway && attempt == 1 ? TimeSpan.Zero : _backoff.DelayBeforeRetry(attempt);
            await _inbox.Writer.WriteAsync(new ConnectionStateMessage(SignalingMessageType.Reconnecting, reason, attempt, delay, cause), cancellationToken).ConfigureAwait(false);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return (await ConnectOnceAsync(cancellationToken).ConfigureAwait(false), attempt);
            }
            catch (ObjectDisposedException)
            {
                // The client was disposed: no attempt can succeed.
                throw new KvsSignalingConnectionException($"The signaling connection to {ChannelArn.Value} as {Role.Value} cannot reconnect: its KvsSignalingClient was disposed.", _operation, null, null, null, null, attempt);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is KvsSignalingException or WebSocketException or IOException)
            {
                cause = e;
            }
        }

        var last = cause as KvsSignalingException;
        var because = cause is null ? string.Empty : ": " + cause.Message;
        var what = reason == ReconnectReason.GoAway ? "was asked to reconnect (GO_AWAY)" : "was lost";
        throw new KvsSignalingConnectionException(
            _options.MaxReconnectAttempts == 0
                ? $"The signaling connection to {ChannelArn.Value} as {Role.Value} {what}, and reconnecting is off (MaxReconnectAttempts is 0){because}"
                : $"The signaling connection to {ChannelArn.Value} as {Role.Value} {what} and could not be reopened in {_options.MaxReconnectAttempts} attempts{because}",
            _operation, last?.ErrorCode, last?.StatusCode, null, null, _options.MaxReconnectAttempts, cause);
    }

    /// <summary>Presigns a new URL and opens one WebSocket with it, within <see cref="SignalingConnectionOptions.ConnectTimeout"/>.</summary>
    private async Task<ClientWebSocket> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var url = await _client.CreatePresignedConnectUrlAsync(ChannelArn, Role, ClientId, null, null, cancellationToken).ConfigureAwait(false);
        var socket = new ClientWebSocket();
#if NET8_0_OR_GREATER
        socket.Options.CollectHttpResponseDetails = true;
#endif
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(url.Url, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or HttpRequestException)
        {
            int? status = null;
            string? errorType = null;
#if NET8_0_OR_GREATER
            if (socket.HttpStatusCode != 0)
            {
                status = (int)socket.HttpStatusCode;
            }

            if (socket.HttpResponseHeaders is { } headers)
            {
                errorType = headers.FirstOrDefault(h => string.Equals(h.Key, "x-amzn-ErrorType", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()?.Split(':')[0];
            }
#endif
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            if (status == 404 || errorType == "ResourceNotFoundException")
            {
                // The endpoint or channel is gone: the next attempt looks the endpoint up again.
                _client.InvalidateEndpointCache(ChannelArn);
            }

            // Never the URL: it carries the signature and the session token.
            var why = timeout.IsCancellationRequested
                ? $"the WebSocket handshake timed out after {_options.ConnectTimeout.TotalSeconds:0.###} s"
                : status is not null
                    ? $"the service refused the WebSocket handshake with HTTP {status}{(errorType is null ? string.Empty : " " + errorType)}"
                    : "the WebSocket handshake failed: " + e.Message;
            throw new KvsSignalingConnectionException($"{_operation} to {ChannelArn.Value} failed: {why}.", _operation, errorType, status, null, null, 1, e);
        }
    }

    /// <summary>Answers or sends the close frame and waits briefly for the handshake to finish.</summary>
    private async Task CloseAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.CloseTimeout);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsSocketFailure(e))
        {
        }
    }

    /// <summary>Closes the socket GO_AWAY came on, handing on what the service still sends on it, until its close frame.</summary>
    private async Task DrainAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            await CloseAsync(socket, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            while (socket.State is WebSocketState.CloseSent or WebSocketState.Open)
            {
                int count;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    // Bounded by the close timeout per frame, not in all, so a slow reader does not lose what is left.
                    idle.CancelAfter(_options.CloseTimeout);
                    bool close;
                    (count, buffer, close) = await ReceiveFrameAsync(socket, buffer, idle.Token).ConfigureAwait(false);
                    if (close)
                    {
                        return;
                    }
                }

                if (count >= 0 && SignalingPayloads.Decode(new ReadOnlyMemory<byte>(buffer, 0, count)) is { Type: not SignalingMessageType.GoAway } message)
                {
                    await HandOnAsync(message, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsSocketFailure(e))
        {
        }
        finally
        {
            socket.Abort();
            socket.Dispose();
        }
    }

    private enum EndKind
    {
        GoAway,
        ClosedByService,
        Lost,
    }

    private readonly struct ReadEnd
    {
        public ReadEnd(EndKind kind, int? closeStatus, string? closeDescription, Exception? error)
        {
            Kind = kind;
            CloseStatus = closeStatus;
            CloseDescription = closeDescription;
            Error = error;
        }

        public EndKind Kind { get; }

        public int? CloseStatus { get; }

        public string? CloseDescription { get; }

        public Exception? Error { get; }
    }
}
