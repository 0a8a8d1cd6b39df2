using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>A signaling client on System.Net.WebSockets.ClientWebSocket; every wait is bounded so a broken server fails a test, never hangs it.</summary>
internal sealed class SignalingTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private SignalingTestClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<SignalingTestClient> ConnectAsync(Uri url, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(url, timeout.Token);
        return new SignalingTestClient(socket);
    }

    /// <summary>An offer/answer/candidate as the JS SDK sends it (lower-case keys), the payload base64 of <paramref name="body"/>.</summary>
    public static JsonObject Message(string action, string body, string? recipient = null, string? correlationId = null)
    {
        var message = new JsonObject { ["action"] = action, ["messagePayload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) };
        if (recipient is not null)
        {
            message["recipientClientId"] = recipient;
        }

        if (correlationId is not null)
        {
            message["correlationId"] = correlationId;
        }

        return message;
    }

    public static string PayloadText(JsonNode message) => Encoding.UTF8.GetString(Convert.FromBase64String((string)message["messagePayload"]!));

    public Task SendAsync(JsonNode message) => SendTextAsync(message.ToJsonString());

    public Task SendTextAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Socket.SendAsync(bytes, type, true, timeout.Token);
    }

    /// <summary>The next text message as JSON; fails when the connection closes first.</summary>
    public async Task<JsonNode> ReceiveAsync()
    {
        var (text, status, description) = await ReceiveFrameAsync();
        Assert.True(text is not null, $"The connection closed ({status} {description}) instead of delivering a message.");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Reads until the close frame, skipping messages; returns its status and the messages it skipped.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Description, List<JsonNode> Skipped)> ReceiveCloseAsync()
    {
        var skipped = new List<JsonNode>();
        while (true)
        {
            var (text, status, description) = await ReceiveFrameAsync();
            if (text is null)
            {
                return (status, description, skipped);
            }

            skipped.Add(JsonNode.Parse(text)!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        Socket.Dispose();
    }

    private async Task<(string? Text, WebSocketCloseStatus? Status, string? Description)> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the close frame, as browsers and the SDKs do, so the handshake completes.
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
                    return (null, result.CloseStatus, result.CloseStatusDescription);
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return (Encoding.UTF8.GetString(message.ToArray()), null, null);
                }
            }
        }
        catch (WebSocketException) when (Socket.State == WebSocketState.Aborted || Socket.State == WebSocketState.Closed)
        {
            // An abrupt close: no close frame, no status.
            return (null, null, "aborted");
        }
    }
}
