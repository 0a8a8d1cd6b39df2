using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>
/// Messages: a master's go to the viewer it names, a viewer's to the master (with its id as senderClientId),
/// viewers never reach each other; keys in either SDK's casing, unknown members ignored.
/// </summary>
public sealed class MessageRoutingTests
{
    [Fact]
    public async Task An_offer_reaches_the_master_with_the_viewers_id_and_the_answer_reaches_that_viewer()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        var offer = """{"type":"offer","sdp":"v=0"}""";

        await viewer.SendAsync(Message("SDP_OFFER", offer, correlationId: "offer-1"));
        var received = await master.ReceiveAsync();
        await master.SendAsync(Message("SDP_ANSWER", """{"type":"answer","sdp":"v=0"}""", "viewer-1"));
        var answer = await viewer.ReceiveAsync();

        Assert.Equal("SDP_OFFER", (string)received["messageType"]!);
        Assert.Equal("viewer-1", (string)received["senderClientId"]!);
        Assert.Equal(offer, PayloadText(received));
        Assert.Null(received["statusResponse"]);
        Assert.Equal("SDP_ANSWER", (string)answer["messageType"]!);
        Assert.Null(answer["senderClientId"]);
        Assert.Equal(1, setup.Server.Admin.GetMessageCount("SDP_OFFER"));
        Assert.Equal(1, setup.Server.Admin.GetMessageCount("SDP_ANSWER"));
    }

    [Theory]
    [InlineData("action", "recipientClientId", "messagePayload", "correlationId")]
    [InlineData("Action", "RecipientClientId", "MessagePayload", "CorrelationId")]
    [InlineData("ACTION", "RECIPIENTCLIENTID", "MESSAGEPAYLOAD", "CORRELATIONID")]
    public async Task Keys_match_in_any_casing_and_unknown_members_are_ignored(string action, string recipient, string payload, string correlation)
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        var message = new JsonObject
        {
            [action] = "ICE_CANDIDATE",
            [recipient] = "viewer-1",
            [payload] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"candidate":"c","sdpMid":"0","sdpMLineIndex":0}""")),
            [correlation] = "c-1",
            ["IceServerList"] = new JsonArray(new JsonObject { ["Uris"] = new JsonArray("turn:x") }),
        };

        await master.SendAsync(message);
        var received = await viewer.ReceiveAsync();

        Assert.Equal("ICE_CANDIDATE", (string)received["messageType"]!);
        Assert.Contains("sdpMLineIndex", PayloadText(received));
    }

    [Fact]
    public async Task A_viewers_recipient_is_ignored_and_viewers_never_reach_each_other()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var alice = await setup.ConnectViewerAsync("alice");
        await using var bob = await setup.ConnectViewerAsync("bob");

        await alice.SendAsync(Message("SDP_OFFER", "to-bob", "bob"));
        var atMaster = await master.ReceiveAsync();
        await master.SendAsync(Message("SDP_ANSWER", "marker", "bob"));
        var atBob = await bob.ReceiveAsync();

        Assert.Equal("alice", (string)atMaster["senderClientId"]!);
        Assert.Equal("to-bob", PayloadText(atMaster));
        Assert.Equal("marker", PayloadText(atBob));
    }

    [Fact]
    public async Task A_master_message_goes_only_to_the_viewer_it_names()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var alice = await setup.ConnectViewerAsync("alice");
        await using var bob = await setup.ConnectViewerAsync("bob");
        await setup.WaitForConnectionsAsync(3);

        await master.SendAsync(Message("SDP_OFFER", "for-alice", "alice"));
        await master.SendAsync(Message("SDP_OFFER", "for-bob", "bob"));

        Assert.Equal("for-alice", PayloadText(await alice.ReceiveAsync()));
        Assert.Equal("for-bob", PayloadText(await bob.ReceiveAsync()));
    }

    [Fact]
    public async Task A_message_for_a_recipient_not_connected_is_kept_and_delivered_when_it_connects()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using (var master = await setup.ConnectMasterAsync())
        {
            await master.SendAsync(Message("SDP_OFFER", "early", "late-viewer"));
            await master.SendAsync(Message("ICE_CANDIDATE", "early-candidate", "late-viewer"));
        }

        await setup.WaitForConnectionsAsync(0);
        await using var viewer = await setup.ConnectViewerAsync("late-viewer");
        await viewer.SendAsync(Message("SDP_ANSWER", "for-the-next-master"));
        await using var nextMaster = await setup.ConnectMasterAsync();

        Assert.Equal("early", PayloadText(await viewer.ReceiveAsync()));
        Assert.Equal("early-candidate", PayloadText(await viewer.ReceiveAsync()));
        var kept = await nextMaster.ReceiveAsync();
        Assert.Equal("for-the-next-master", PayloadText(kept));
        Assert.Equal("late-viewer", (string)kept["senderClientId"]!);
    }

    [Fact]
    public async Task A_kept_message_is_discarded_after_the_channels_message_TTL()
    {
        var clock = new ManualTimeProvider();
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        await using (var master = await setup.ConnectMasterAsync(new TestPresigner { SignedAt = clock.GetUtcNow() }))
        {
            await master.SendAsync(Message("SDP_OFFER", "stale", "late-viewer"));
            await master.SendAsync(Message("SDP_OFFER", "closing-marker", "marker-viewer"));
            await using var markerViewer = await setup.ConnectViewerAsync("marker-viewer", new TestPresigner { SignedAt = clock.GetUtcNow() });
            Assert.Equal("closing-marker", PayloadText(await markerViewer.ReceiveAsync()));
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        await using var viewer = await setup.ConnectViewerAsync("late-viewer", new TestPresigner { SignedAt = clock.GetUtcNow() });
        await using var nextMaster = await setup.ConnectMasterAsync(new TestPresigner { SignedAt = clock.GetUtcNow() });
        await nextMaster.SendAsync(Message("SDP_OFFER", "fresh", "late-viewer"));

        Assert.Equal("fresh", PayloadText(await viewer.ReceiveAsync()));
    }

    [Fact]
    public async Task Connections_count_their_messages_in_and_out()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(2);

        await viewer.SendAsync(Message("SDP_OFFER", "1"));
        await master.ReceiveAsync();
        await viewer.SendAsync(Message("ICE_CANDIDATE", "2"));
        await master.ReceiveAsync();

        var masterInfo = Assert.Single(setup.Server.Admin.Connections, c => c.Role == "MASTER");
        var viewerInfo = Assert.Single(setup.Server.Admin.Connections, c => c.Role == "VIEWER");
        Assert.Equal((0, 2), (masterInfo.MessagesIn, masterInfo.MessagesOut));
        Assert.Equal((2, 0), (viewerInfo.MessagesIn, viewerInfo.MessagesOut));
        Assert.True(viewerInfo.Since <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_closed_client_leaves_the_listing()
    {
        await using var setup = await SignalingSetup.StartAsync();
        var viewer = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(1);

        await viewer.DisposeAsync();

        await setup.WaitForConnectionsAsync(0);
        Assert.Equal(WebSocketState.Closed, viewer.Socket.State);
    }
}
