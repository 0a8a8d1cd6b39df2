using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KvsSignaling.Tests.Infrastructure;

/// <summary>
/// A small real HTTP/1.1 server on 127.0.0.1 (port 0): reads requests off the socket, records them, and answers
/// with what the test's handler returns — including dropped connections, truncated bodies and no answer at all.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RecordedRequest, int, Task<Reply>> _handler;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _connections = new();
    private readonly Task _acceptLoop;
    private int _count;
    private int _connectionCount;

    public LoopbackServer(Func<RecordedRequest, int, Task<Reply>> handler)
    {
        _handler = handler;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _acceptLoop = AcceptAsync();
    }

    public LoopbackServer(Func<RecordedRequest, int, Reply> handler)
        : this((request, number) => Task.FromResult(handler(request, number)))
    {
    }

    public Uri Url { get; }

    /// <summary>How many requests have arrived.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>How many TCP connections have been accepted.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            client.NoDelay = true;
            Interlocked.Increment(ref _connectionCount);
            _connections.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new RequestReader(stream);
                while (!_stop.IsCancellationRequested)
                {
                    var request = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                    if (request is null)
                    {
                        return;
                    }

                    _requests.Enqueue(request);
                    var number = Interlocked.Increment(ref _count);
                    var reply = await _handler(request, number).ConfigureAwait(false);
                    if (reply.Hang)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                    }

                    if (reply.Drop)
                    {
                        client.Client.Shutdown(SocketShutdown.Both);
                        return;
                    }

                    await WriteAsync(stream, reply).ConfigureAwait(false);
                    if (reply.TruncateBy > 0 || reply.CloseDelimited)
                    {
                        client.Client.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static async Task WriteAsync(NetworkStream stream, Reply reply)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {reply.Reason}\r\n");
        foreach (var header in reply.Headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        head.Append(reply.CloseDelimited ? "Connection: close\r\n\r\n" : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {reply.Body.Length + reply.TruncateBy}\r\n\r\n"));
        // One write: a separate body write would meet Nagle's algorithm and delayed ACKs (40 ms per answer).
        var bytes = Encoding.ASCII.GetBytes(head.ToString()).Concat(reply.Body).ToArray();
        await stream.WriteAsync(bytes).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Parses HTTP/1.1 requests (headers, then a Content-Length body) off a stream.</summary>
    private sealed class RequestReader
    {
        private readonly Stream _stream;
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public RequestReader(Stream stream) => _stream = stream;

        public async Task<RecordedRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
            _start = headerEnd + 4;
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
            }

            var length = int.Parse(headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value ?? "0", CultureInfo.InvariantCulture);
            while (_end - _start < length)
            {
                if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            var body = _buffer.AsSpan(_start, length).ToArray();
            _start += length;
            return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
        }

        private int IndexOfHeaderEnd() => _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8) is var i and >= 0 ? _start + i : -1;

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
