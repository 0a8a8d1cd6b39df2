using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>
/// Bad messages get a STATUS_RESPONSE (errorType, statusCode, description) when they carry a correlation id,
/// are dropped otherwise, never reach anyone, and the connection stays up.
/// </summary>
public sealed class BadMessageTests
{
    public static TheoryData<string, string> BadMessages() => new()
    {
        { "unknown action", """{"action":"SDP_PRANSWER","recipientClientId":"viewer-1","messagePayload":"e30=","correlationId":"bad-1"}""" },
        { "payload not base64", """{"action":"SDP_OFFER","recipientClientId":"viewer-1","messagePayload":"not base64!","correlationId":"bad-1"}""" },
        { "payload over 10 KB", $$"""{"action":"SDP_OFFER","recipientClientId":"viewer-1","messagePayload":"{{new string('A', 10 * 1024 + 4)}}","correlationId":"bad-1"}""" },
        { "no payload", """{"action":"SDP_OFFER","recipientClientId":"viewer-1","correlationId":"bad-1"}""" },
        { "no recipient from the master", """{"action":"SDP_OFFER","messagePayload":"e30=","correlationId":"bad-1"}""" },
        { "bad recipient", """{"action":"SDP_OFFER","recipientClientId":"no spaces","messagePayload":"e30=","correlationId":"bad-1"}""" },
        { "bad correlation id", """{"action":"SDP_OFFER","recipientClientId":"viewer-1","messagePayload":"e30=","correlationId":"bad id!"}""" },
        { "action of the wrong type", """{"action":5,"recipientClientId":"viewer-1","messagePayload":"e30=","correlationId":"bad-1"}""" },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_bad_message_with_a_correlation_id_gets_STATUS_RESPONSE_and_the_connection_stays_up(string why, string frame)
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        var correlationId = (string)JsonNode.Parse(frame)!["correlationId"]!;

        await master.SendTextAsync(frame);
        var status = await master.ReceiveAsync();
        await master.SendAsync(Message("SDP_OFFER", "after", "viewer-1"));

        Assert.True((string?)status["messageType"] == "STATUS_RESPONSE", why);
        var response = status["statusResponse"]!;
        Assert.Equal(correlationId, (string)response["correlationId"]!);
        Assert.Equal("InvalidArgumentException", (string)response["errorType"]!);
        Assert.Equal("400", (string)response["statusCode"]!);
        Assert.False(string.IsNullOrEmpty((string?)response["description"]));
        Assert.Equal("after", PayloadText(await viewer.ReceiveAsync()));
        Assert.Equal(1, setup.Server.Admin.GetMessageCount("STATUS_RESPONSE"));
    }

    [Fact]
    public async Task A_binary_frame_with_a_correlation_id_gets_STATUS_RESPONSE()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");

        await viewer.SendBytesAsync(Encoding.UTF8.GetBytes(Message("SDP_OFFER", "x", correlationId: "bin-1").ToJsonString()), WebSocketMessageType.Binary);
        var status = await viewer.ReceiveAsync();

        Assert.Equal("bin-1", (string)status["statusResponse"]!["correlationId"]!);
        Assert.Contains("text", (string)status["statusResponse"]!["description"]!);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("\"SDP_OFFER\"")]
    [InlineData("{\"action\":\"SDP_OFFER\"")]
    [InlineData("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"e30=\",\"correlationId\":\"c\"} trailing")]
    [InlineData("{\"action\":\"NOPE\",\"messagePayload\":\"e30=\"}")]
    [InlineData("{\"action\":\"SDP_OFFER\",\"messagePayload\":\"e30=\",\"correlationId\":7}")]
    public async Task A_bad_message_without_a_usable_correlation_id_is_dropped(string frame)
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");

        await viewer.SendTextAsync(frame);
        await viewer.SendTextAsync("""{"action":"NOPE","messagePayload":"e30=","correlationId":"marker"}""");
        var first = await viewer.ReceiveAsync();
        await viewer.SendAsync(Message("SDP_OFFER", "after"));

        // The first answer is the marker's: the dropped frame got none, and the master got nothing before "after".
        Assert.Equal("marker", (string)first["statusResponse"]!["correlationId"]!);
        Assert.Equal("after", PayloadText(await master.ReceiveAsync()));
        Assert.Equal(WebSocketState.Open, viewer.Socket.State);
    }

    [Fact]
    public async Task Invalid_frames_are_counted_as_Invalid()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");

        await viewer.SendTextAsync("nope");
        await viewer.SendTextAsync("""{"action":"NOPE","messagePayload":"e30=","correlationId":"marker"}""");
        await viewer.ReceiveAsync();

        Assert.Equal(2, setup.Server.Admin.GetMessageCount("Invalid"));
    }
}
