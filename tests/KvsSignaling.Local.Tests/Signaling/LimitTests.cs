using System.Net.WebSockets;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>Frames are bounded, and a client that stops reading is closed once its bounded queue is full, without holding up anyone else.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_message_over_the_frame_limit_closes_that_connection_with_message_too_big()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { MaxFrameBytes = 4096 });
        await using var master = await setup.ConnectMasterAsync();
        await using var big = await setup.ConnectViewerAsync("big");
        await using var other = await setup.ConnectViewerAsync("other");

        await big.SendBytesAsync(new byte[5000], WebSocketMessageType.Text);
        var (status, _, _) = await big.ReceiveCloseAsync();
        await other.SendAsync(Message("SDP_OFFER", "still-relayed"));

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Equal("still-relayed", PayloadText(await master.ReceiveAsync()));
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_text_frame_drops_only_that_connection()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var broken = await setup.ConnectViewerAsync("broken");
        await using var other = await setup.ConnectViewerAsync("other");

        await broken.SendBytesAsync([0x7B, 0xC3, 0x28, 0xFF, 0x7D], WebSocketMessageType.Text);
        var (status, _, skipped) = await broken.ReceiveCloseAsync();
        await other.SendAsync(Message("SDP_OFFER", "still-relayed"));

        // The WebSocket layer sends 1007 and aborts at once, so the client may see the status or only the reset.
        Assert.True(status is null or WebSocketCloseStatus.InvalidPayloadData, $"closed with {status}");
        Assert.Empty(skipped);
        Assert.Equal("still-relayed", PayloadText(await master.ReceiveAsync()));
    }

    [Fact]
    public async Task A_message_of_exactly_the_frame_limit_is_read()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { MaxFrameBytes = 4096 });
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        var frame = """{"action":"NOPE","correlationId":"exact","pad":""}""";
        frame = frame.Insert(frame.Length - 2, new string('x', 4096 - frame.Length));

        await viewer.SendTextAsync(frame);

        Assert.Equal("exact", (string)(await viewer.ReceiveAsync())["statusResponse"]!["correlationId"]!);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_closed_when_its_queue_is_full_and_the_others_keep_relaying()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { QuotasEnabled = false, SendQueueCapacity = 4 });
        await using var master = await setup.ConnectMasterAsync();
        await using var stalled = await setup.ConnectViewerAsync("stalled");
        await using var healthy = await setup.ConnectViewerAsync("healthy");
        await setup.WaitForConnectionsAsync(3);
        var payload = new string('p', 7000);

        // The stalled viewer never reads: once the socket buffers and its 4-message queue are full, it is dropped.
        var sent = 0;
        while (setup.Server.Admin.Connections.Any(c => c.ClientId == "stalled"))
        {
            Assert.True(sent < 20_000, "The stalled viewer was never closed.");
            await master.SendAsync(Message("SDP_OFFER", payload, "stalled"));
            sent++;
            if (sent % 50 == 0)
            {
                await master.SendAsync(Message("SDP_OFFER", "ping", "healthy"));
                Assert.Equal("ping", PayloadText(await healthy.ReceiveAsync()));
            }
        }

        await master.SendAsync(Message("SDP_OFFER", "after", "healthy"));
        Assert.Equal("after", PayloadText(await healthy.ReceiveAsync()));
        Assert.Equal(WebSocketState.Open, master.Socket.State);
    }
}
