using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KvsSignaling.Local.Signaling;

/// <summary>The frames kvs-local sends to clients, in the service's event shape.</summary>
internal static class ServiceMessages
{
    public const string StatusResponse = "STATUS_RESPONSE";
    public const string GoAway = "GO_AWAY";
    public const string ReconnectIceServer = "RECONNECT_ICE_SERVER";

    // Base64 carries '+' and '/', which the default encoder would escape; the service sends them as they are.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A relayed message; <paramref name="senderClientId"/> is the viewer's id on messages to the master, null from the master.</summary>
    public static byte[] Relay(string messageType, string payload, string? senderClientId) => Write(writer =>
    {
        if (senderClientId is not null)
        {
            writer.WriteString("senderClientId", senderClientId);
        }

        writer.WriteString("messageType", messageType);
        writer.WriteString("messagePayload", payload);
    });

    public static byte[] Status(string correlationId, MessageError error) => Write(writer =>
    {
        writer.WriteString("messageType", StatusResponse);
        writer.WriteStartObject("statusResponse");
        writer.WriteString("correlationId", correlationId);
        writer.WriteString("errorType", error.ErrorType);
        writer.WriteString("statusCode", error.StatusCode.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("description", error.Description);
        writer.WriteEndObject();
    });

    public static byte[] Notice(string messageType) => Write(writer => writer.WriteString("messageType", messageType));

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
