using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KvsSignaling.Local.Signaling;

/// <summary>A client's message: {"action", "recipientClientId", "messagePayload", "correlationId"}, keys in any casing.</summary>
internal sealed partial record ClientMessage(string Action, string? RecipientClientId, string Payload, string? CorrelationId)
{
    public const string SdpOffer = "SDP_OFFER";
    public const string SdpAnswer = "SDP_ANSWER";
    public const string IceCandidate = "ICE_CANDIDATE";

    /// <summary>The service documents messagePayload as at most 10K characters of base64.</summary>
    public const int MaxPayloadLength = 10 * 1024;

    /// <summary>The operation the action stands for, as quotas and faults name it.</summary>
    public string Operation => Action switch
    {
        SdpOffer => "SendSdpOffer",
        SdpAnswer => "SendSdpAnswer",
        _ => "SendIceCandidate",
    };

    /// <summary>
    /// Reads one frame. A frame that is not a JSON object gives neither message nor correlation id (it is dropped);
    /// a bad message gives an error, with the correlation id when it carried one as a string.
    /// </summary>
    public static (ClientMessage? Message, MessageError? Error, string? CorrelationId) Parse(ReadOnlySpan<byte> frame, bool binary, SignalingRole sender)
    {
        string? action = null, recipient = null, payload = null, correlationId = null, wrongType = null;
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                ref var slot = ref Slot(name, ref action, ref recipient, ref payload, ref correlationId, out var known);
                if (!known)
                {
                    reader.Skip();
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    slot = reader.GetString();
                }
                else
                {
                    wrongType ??= name;
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return (null, null, null);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, null, null);
        }

        var error = Check(binary, sender, action, recipient, payload, correlationId, wrongType);
        return error is null
            ? (new ClientMessage(action!, sender == SignalingRole.Master ? recipient : null, payload!, correlationId), null, correlationId)
            : (null, error, correlationId);
    }

    public static bool IsValidId(string? value) => value is { Length: >= 1 and <= 256 } && IdPattern().IsMatch(value);

    private static MessageError? Check(bool binary, SignalingRole sender, string? action, string? recipient, string? payload, string? correlationId, string? wrongType)
    {
        if (binary)
        {
            return MessageError.InvalidArgument("Binary frames are not accepted: send each message as a JSON text frame.");
        }

        if (wrongType is not null)
        {
            return MessageError.InvalidArgument($"Member '{wrongType}' must be a string.");
        }

        if (correlationId is not null && !IsValidId(correlationId))
        {
            return MessageError.InvalidArgument("correlationId must be 1 to 256 characters of [a-zA-Z0-9_.-].");
        }

        if (action is not (SdpOffer or SdpAnswer or IceCandidate))
        {
            return MessageError.InvalidArgument($"action must be one of {SdpOffer}, {SdpAnswer}, {IceCandidate}.");
        }

        if (payload is null || payload.Length == 0)
        {
            return MessageError.InvalidArgument("messagePayload is required.");
        }

        if (payload.Length > MaxPayloadLength)
        {
            return MessageError.InvalidArgument($"messagePayload is longer than the {MaxPayloadLength} characters allowed.");
        }

        if (!Base64.IsValid(payload))
        {
            return MessageError.InvalidArgument("messagePayload must be base64.");
        }

        if (sender == SignalingRole.Master && !IsValidId(recipient))
        {
            return MessageError.InvalidArgument(recipient is null
                ? "A master's message must name its viewer in recipientClientId."
                : "recipientClientId must be 1 to 256 characters of [a-zA-Z0-9_.-].");
        }

        return null;
    }

    private static ref string? Slot(string name, ref string? action, ref string? recipient, ref string? payload, ref string? correlationId, out bool known)
    {
        known = true;
        if (name.Equals("action", StringComparison.OrdinalIgnoreCase))
        {
            return ref action;
        }

        if (name.Equals("recipientClientId", StringComparison.OrdinalIgnoreCase))
        {
            return ref recipient;
        }

        if (name.Equals("messagePayload", StringComparison.OrdinalIgnoreCase))
        {
            return ref payload;
        }

        if (name.Equals("correlationId", StringComparison.OrdinalIgnoreCase))
        {
            return ref correlationId;
        }

        known = false;
        return ref action;
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex IdPattern();
}
