using System.Text;
using System.Text.Json;
using KvsSignaling.Signaling;

namespace KvsSignaling.Tests.Signaling;

/// <summary>The signaling data plane's JSON: what the library sends and how it reads what the service sends.</summary>
public sealed class SignalingPayloadTests
{
    [Fact]
    public void An_offer_is_the_base64_of_type_and_sdp_as_the_WebRTC_SDKs_write_it()
    {
        const string sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=fingerprint:sha-256 AB:CD\r\na=x:\"quoted\" é <&>\r\n";

        var payload = SignalingPayloads.Sdp("offer", sdp);

        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(new[] { "type", "sdp" }, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("offer", document.RootElement.GetProperty("type").GetString());
        Assert.Equal(sdp, document.RootElement.GetProperty("sdp").GetString());
        Assert.StartsWith("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_carries_candidate_sdpMid_and_a_numeric_sdpMLineIndex_and_leaves_out_what_is_absent()
    {
        Assert.Equal("{\"candidate\":\"candidate:1 1 udp 5 192.0.2.1 9 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}",
            Decode(SignalingPayloads.Candidate("candidate:1 1 udp 5 192.0.2.1 9 typ host", "0", 0)));
        Assert.Equal("{\"candidate\":\"\",\"sdpMLineIndex\":2}", Decode(SignalingPayloads.Candidate(string.Empty, null, 2)));
        Assert.Equal("{\"candidate\":\"c\",\"sdpMid\":\"audio\"}", Decode(SignalingPayloads.Candidate("c", "audio", null)));
    }

    [Fact]
    public void The_envelope_names_action_payload_recipient_and_correlation_id_and_leaves_base64_unescaped()
    {
        var frame = Encoding.UTF8.GetString(SignalingPayloads.Envelope("SDP_ANSWER", "ab+/cd==", "viewer-1", "c-1"));
        Assert.Equal("{\"action\":\"SDP_ANSWER\",\"messagePayload\":\"ab+/cd==\",\"recipientClientId\":\"viewer-1\",\"correlationId\":\"c-1\"}", frame);
        Assert.Equal("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"e30=\"}", Encoding.UTF8.GetString(SignalingPayloads.Envelope("SDP_OFFER", "e30=", null, null)));
    }

    [Fact]
    public void An_offer_from_a_viewer_is_read_with_its_sender_and_decoded_sdp()
    {
        var message = Assert.IsType<SdpMessage>(Read(new { senderClientId = "viewer-1", messageType = "SDP_OFFER", messagePayload = Base64("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}") }));

        Assert.Equal(SignalingMessageType.SdpOffer, message.Type);
        Assert.Equal("viewer-1", message.SenderClientId);
        Assert.Equal("v=0\r\n", message.Sdp);
        Assert.Equal("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}", message.Payload);
        Assert.DoesNotContain("v=0", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_library_sends_reads_back_as_the_same_message()
    {
        const string sdp = "v=0\r\ns=é\r\n";
        var answer = Assert.IsType<SdpMessage>(Read(new { messageType = "SDP_ANSWER", messagePayload = SignalingPayloads.Sdp("answer", sdp) }));
        Assert.Equal((SignalingMessageType.SdpAnswer, sdp, (string?)null), (answer.Type, answer.Sdp, answer.SenderClientId));

        var candidate = Assert.IsType<IceCandidateMessage>(Read(new { messageType = "ICE_CANDIDATE", messagePayload = SignalingPayloads.Candidate("candidate:1", "1", 3) }));
        Assert.Equal(("candidate:1", "1", (int?)3), (candidate.Candidate, candidate.SdpMid, candidate.SdpMLineIndex));
    }

    [Fact]
    public void A_candidate_whose_index_is_a_string_or_missing_is_still_read()
    {
        var asString = Assert.IsType<IceCandidateMessage>(Read(new { messageType = "ICE_CANDIDATE", messagePayload = Base64("{\"candidate\":\"c\",\"sdpMid\":\"0\",\"sdpMLineIndex\":\"1\"}") }));
        Assert.Equal(1, asString.SdpMLineIndex);

        var missing = Assert.IsType<IceCandidateMessage>(Read(new { messageType = "ICE_CANDIDATE", messagePayload = Base64("{\"candidate\":\"c\",\"usernameFragment\":\"u\"}") }));
        Assert.Null(missing.SdpMLineIndex);
        Assert.Null(missing.SdpMid);
        Assert.Equal("c", missing.Candidate);
    }

    [Fact]
    public void A_status_response_is_read_with_its_correlation_id_error_and_numeric_status()
    {
        var status = Assert.IsType<StatusResponseMessage>(Read(new
        {
            messageType = "STATUS_RESPONSE",
            statusResponse = new { correlationId = "c-1", errorType = "InvalidArgumentException", statusCode = "400", description = "action must be one of SDP_OFFER, SDP_ANSWER, ICE_CANDIDATE." },
        }));

        Assert.Equal(("c-1", "InvalidArgumentException", (int?)400), (status.CorrelationId, status.ErrorType, status.StatusCode));
        Assert.Equal("action must be one of SDP_OFFER, SDP_ANSWER, ICE_CANDIDATE.", status.Description);
        Assert.False(status.IsSuccess);
        Assert.True(Assert.IsType<StatusResponseMessage>(Read(new { messageType = "STATUS_RESPONSE", statusResponse = new { correlationId = "c-2", statusCode = "200" } })).IsSuccess);
    }

    [Fact]
    public void GO_AWAY_and_RECONNECT_ICE_SERVER_are_notices()
    {
        Assert.Equal(SignalingMessageType.GoAway, Assert.IsType<SignalingNoticeMessage>(Read(new { messageType = "GO_AWAY" })).Type);
        Assert.Equal(SignalingMessageType.ReconnectIceServer, Assert.IsType<SignalingNoticeMessage>(Read(new { messageType = "RECONNECT_ICE_SERVER" })).Type);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"messageType\":\"SOMETHING_NEW\",\"messagePayload\":\"e30=\"}")]
    [InlineData("{\"messageType\":\"SDP_OFFER\",\"messagePayload\":\"not base64!\"}")]
    [InlineData("{\"messageType\":\"SDP_OFFER\"}")]
    [InlineData("{\"messageType\":\"ICE_CANDIDATE\",\"messagePayload\":\"/w==\"}")]
    public void Frames_the_library_cannot_read_are_skipped(string frame) =>
        Assert.Null(SignalingPayloads.Decode(Encoding.UTF8.GetBytes(frame)));

    [Fact]
    public void A_payload_that_is_not_JSON_keeps_its_text()
    {
        var message = Assert.IsType<SdpMessage>(Read(new { messageType = "SDP_OFFER", messagePayload = Base64("v=0 plain") }));
        Assert.Null(message.Sdp);
        Assert.Equal("v=0 plain", message.Payload);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private static SignalingMessage? Read(object frame) => SignalingPayloads.Decode(JsonSerializer.SerializeToUtf8Bytes(frame));
}
