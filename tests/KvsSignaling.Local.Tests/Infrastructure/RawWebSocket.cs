using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>
/// A WebSocket client over a bare TCP socket that writes any frame, well formed or not (reserved opcodes,
/// unmasked, oversized control frames, half a header), which ClientWebSocket refuses to send.
/// </summary>
internal sealed class RawWebSocket : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Sends the upgrade request (followed by <paramref name="pipelined"/> bytes, if any) and returns the socket with the HTTP status answered.</summary>
    public static async Task<(RawWebSocket Socket, int Status)> OpenAsync(Uri url, byte[]? pipelined = null)
    {
        var tcp = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(SignalingTestClient.Patience);
        await tcp.ConnectAsync(url.Host, url.Port, timeout.Token);
        var socket = new RawWebSocket(tcp);
        var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.WriteAsync([.. Encoding.ASCII.GetBytes(request), .. pipelined ?? []]);
        return (socket, await socket.ReadStatusAsync(timeout.Token));
    }

    /// <summary>Opens a TCP connection, writes <paramref name="bytes"/> and leaves it as it is: a half-open request.</summary>
    public static async Task<RawWebSocket> HalfOpenAsync(Uri url, byte[] bytes)
    {
        var tcp = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(SignalingTestClient.Patience);
        await tcp.ConnectAsync(url.Host, url.Port, timeout.Token);
        var socket = new RawWebSocket(tcp);
        await socket.WriteAsync(bytes);
        return socket;
    }

    /// <summary>Builds a frame: FIN and RSV bits and opcode in <paramref name="head"/>, masked unless told otherwise.</summary>
    public static byte[] Frame(byte head, ReadOnlySpan<byte> payload, bool mask = true)
    {
        var frame = new List<byte> { head };
        var maskBit = mask ? (byte)0x80 : (byte)0;
        if (payload.Length < 126)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame.Add((byte)(maskBit | 126));
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }
        else
        {
            frame.Add((byte)(maskBit | 127));
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                frame.Add((byte)((long)payload.Length >> shift));
            }
        }

        var key = mask ? RandomNumberGenerator.GetBytes(4) : [];
        frame.AddRange(key);
        for (var i = 0; i < payload.Length; i++)
        {
            frame.Add(mask ? (byte)(payload[i] ^ key[i % 4]) : payload[i]);
        }

        return [.. frame];
    }

    /// <summary>Writes bytes; false when the server has already closed the connection.</summary>
    public async Task<bool> TryWriteAsync(byte[] bytes)
    {
        try
        {
            await WriteAsync(bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WriteAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(SignalingTestClient.Patience);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    private async Task<int> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < 64 * 1024)
        {
            var read = await _stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.ASCII.GetString([.. received]);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
