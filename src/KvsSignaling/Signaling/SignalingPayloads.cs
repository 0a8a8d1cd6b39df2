using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KvsSignaling.Signaling;

/// <summary>
/// The signaling data plane's JSON. A client sends <c>{"action","messagePayload","recipientClientId","correlationId"}</c>
/// whose payload is the base64 of the peer's JSON, as the AWS WebRTC SDKs write it: <c>{"type","sdp"}</c> for offers and
/// answers, <c>{"candidate","sdpMid","sdpMLineIndex"}</c> for candidates. The service sends
/// <c>{"senderClientId","messageType","messagePayload"}</c>, or <c>statusResponse</c> in place of the payload.
/// </summary>
internal static class SignalingPayloads
{
    public const string SdpOffer = "SDP_OFFER";
    public const string SdpAnswer = "SDP_ANSWER";
    public const string IceCandidate = "ICE_CANDIDATE";
    public const string StatusResponse = "STATUS_RESPONSE";
    public const string GoAway = "GO_AWAY";
    public const string ReconnectIceServer = "RECONNECT_ICE_SERVER";

    /// <summary>The service takes at most 10K characters of base64 in messagePayload.</summary>
    public const int MaxPayloadLength = 10 * 1024;

    // Base64 carries '+' and '/', and SDP carries '<', '>' and '&' rarely; written as they are, as JavaScript's JSON.stringify does.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string OperationOf(string action) => action switch
    {
        SdpOffer => "SendSdpOffer",
        SdpAnswer => "SendSdpAnswer",
        _ => "SendIceCandidate",
    };

    /// <summary>The base64 payload of an offer (<paramref name="type"/> "offer") or answer ("answer").</summary>
    public static string Sdp(string type, string sdp) => Base64Json(writer =>
    {
        writer.WriteString("type", type);
        writer.WriteString("sdp", sdp);
    });

    /// <summary>The base64 payload of an ICE candidate; absent members are left out.</summary>
    public static string Candidate(string candidate, string? sdpMid, int? sdpMLineIndex) => Base64Json(writer =>
    {
        writer.WriteString("candidate", candidate);
        if (sdpMid is not null)
        {
            writer.WriteString("sdpMid", sdpMid);
        }

        if (sdpMLineIndex is int index)
        {
            writer.WriteNumber("sdpMLineIndex", index);
        }
    });

    /// <summary>The text frame a client sends.</summary>
    public static byte[] Envelope(string action, string payload, string? recipientClientId, string? correlationId) => Json(writer =>
    {
        writer.WriteString("action", action);
        writer.WriteString("messagePayload", payload);
        if (recipientClientId is not null)
        {
            writer.WriteString("recipientClientId", recipientClientId);
        }

        if (correlationId is not null)
        {
            writer.WriteString("correlationId", correlationId);
        }
    });

    /// <summary>
    /// Reads one frame from the service. Frames that are not JSON objects, unknown message types and payloads that are
    /// not base64 give null: they are skipped, as the AWS WebRTC SDKs skip them, so a newer service does not break an older client.
    /// </summary>
    public static SignalingMessage? Decode(ReadOnlyMemory<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var messageType = StringMember(root, "messageType");
            var sender = StringMember(root, "senderClientId");
            switch (messageType)
            {
                case SdpOffer:
                case SdpAnswer:
                case IceCandidate:
                    var payload = DecodePayload(StringMember(root, "messagePayload"));
                    if (payload is null)
                    {
                        return null;
                    }

                    return messageType == IceCandidate ? ReadCandidate(sender, payload) : ReadSdp(messageType == SdpOffer ? SignalingMessageType.SdpOffer : SignalingMessageType.SdpAnswer, sender, payload);
                case StatusResponse:
                    return ReadStatus(root);
                case GoAway:
                    return new SignalingNoticeMessage(SignalingMessageType.GoAway);
                case ReconnectIceServer:
                    return new SignalingNoticeMessage(SignalingMessageType.ReconnectIceServer);
                default:
                    return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SdpMessage ReadSdp(SignalingMessageType type, string? sender, string payload)
    {
        string? sdp = null;
        WithObject(payload, root => sdp = StringMember(root, "sdp"));
        return new SdpMessage(type, sender, sdp, payload);
    }

    private static IceCandidateMessage ReadCandidate(string? sender, string payload)
    {
        string? candidate = null, sdpMid = null;
        int? index = null;
        WithObject(payload, root =>
        {
            candidate = StringMember(root, "candidate");
            sdpMid = StringMember(root, "sdpMid");
            if (root.TryGetProperty("sdpMLineIndex", out var value))
            {
                // A number as the browsers write it; some native peers write it as a string.
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
                {
                    index = number;
                }
                else if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
                {
                    index = number;
                }
            }
        });
        return new IceCandidateMessage(sender, candidate, sdpMid, index, payload);
    }

    private static StatusResponseMessage ReadStatus(JsonElement root)
    {
        if (!root.TryGetProperty("statusResponse", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return new StatusResponseMessage(null, null, null, null);
        }

        int? code = null;
        if (status.TryGetProperty("statusCode", out var value))
        {
            if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                code = parsed;
            }
            else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out parsed))
            {
                code = parsed;
            }
        }

        return new StatusResponseMessage(StringMember(status, "correlationId"), StringMember(status, "errorType"), code, StringMember(status, "description"));
    }

    private static string? DecodePayload(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static void WithObject(string json, Action<JsonElement> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                read(document.RootElement);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the message still carries the payload as text.
        }
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Base64Json(Action<Utf8JsonWriter> members) => Convert.ToBase64String(Json(members));

    private static byte[] Json(Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
