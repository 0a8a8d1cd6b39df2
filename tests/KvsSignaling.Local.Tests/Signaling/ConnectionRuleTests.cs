using System.Net;
using System.Net.WebSockets;
using KvsSignaling.Local.Admin;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>Who is connected: one master (the newest wins), a bounded set of viewers (a known id replaces), idle and maximum-age closes, pings.</summary>
public sealed class ConnectionRuleTests
{
    [Fact]
    public async Task The_newest_master_wins_and_the_older_is_closed()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var first = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(2);

        await using var second = await setup.ConnectMasterAsync();
        var (status, description, _) = await first.ReceiveCloseAsync();
        await viewer.SendAsync(Message("SDP_OFFER", "to-the-new-master"));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.Contains("Another master", description);
        Assert.Equal("to-the-new-master", PayloadText(await second.ReceiveAsync()));
        await setup.WaitForConnectionsAsync(2);
    }

    [Fact]
    public async Task A_new_connection_with_a_viewers_client_id_replaces_the_old_one()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var old = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(2);

        await using var replacement = await setup.ConnectViewerAsync("viewer-1");
        var (status, _, _) = await old.ReceiveCloseAsync();
        await master.SendAsync(Message("SDP_ANSWER", "to-the-replacement", "viewer-1"));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.Equal("to-the-replacement", PayloadText(await replacement.ReceiveAsync()));
    }

    [Fact]
    public async Task A_viewer_beyond_the_limit_is_refused_before_the_upgrade_but_a_known_id_may_reconnect()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { MaxViewers = 2, QuotasEnabled = false });
        await using var first = await setup.ConnectViewerAsync("viewer-1");
        await using var second = await setup.ConnectViewerAsync("viewer-2");
        await setup.WaitForConnectionsAsync(2);

        var third = await UpgradeVerificationTests.GetAsync(setup.ViewerUrl("viewer-3"));
        await using var again = await setup.ConnectViewerAsync("viewer-2");

        AuthenticationTests.AssertError(third, HttpStatusCode.BadRequest, "ClientLimitExceededException");
        Assert.Contains("2 viewers", third.Message);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await second.ReceiveCloseAsync()).Status);
        await setup.WaitForConnectionsAsync(2);
    }

    [Fact]
    public async Task Ten_viewers_is_the_default_limit()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { QuotasEnabled = false });
        var viewers = new List<SignalingTestClient>();
        for (var i = 0; i < 10; i++)
        {
            viewers.Add(await setup.ConnectViewerAsync($"viewer-{i}"));
        }

        await setup.WaitForConnectionsAsync(10);
        var eleventh = await UpgradeVerificationTests.GetAsync(setup.ViewerUrl("viewer-10"));

        AuthenticationTests.AssertError(eleventh, HttpStatusCode.BadRequest, "ClientLimitExceededException");
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_connection_without_a_frame_for_the_idle_timeout_is_closed()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { ConnectionIdleTimeout = TimeSpan.FromMilliseconds(300) });
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");

        var (status, description, _) = await viewer.ReceiveCloseAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.Contains("idle", description);
        await setup.WaitForConnectionsAsync(0);
    }

    [Fact]
    public async Task At_its_maximum_duration_a_connection_gets_GO_AWAY_then_is_closed()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions
        {
            ConnectionMaxDuration = TimeSpan.FromMilliseconds(600),
            GoAwayGracePeriod = TimeSpan.FromMilliseconds(300),
        });
        await using var master = await setup.ConnectMasterAsync();

        var (status, description, before) = await master.ReceiveCloseAsync();

        Assert.Equal("GO_AWAY", (string)Assert.Single(before)["messageType"]!);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.Contains("maximum duration", description);
        Assert.Equal(1, setup.Server.Admin.GetMessageCount("GO_AWAY"));
    }

    [Fact]
    public async Task WebSocket_pings_are_answered()
    {
        await using var setup = await SignalingSetup.StartAsync();
        var url = setup.MasterUrl();

        // The client pings every 50 ms and aborts the connection when a pong is 10 s late.
        await using var master = await ConnectAsync(url, options =>
        {
            options.KeepAliveInterval = TimeSpan.FromMilliseconds(50);
            options.KeepAliveTimeout = TimeSpan.FromSeconds(10);
        });
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(50);
            await viewer.SendAsync(Message("ICE_CANDIDATE", $"c{i}"));
            Assert.Equal($"c{i}", PayloadText(await master.ReceiveAsync()));
        }

        Assert.Equal(WebSocketState.Open, master.Socket.State);
    }

    [Fact]
    public async Task Admin_notices_reach_one_connection_or_every_connection_of_a_channel()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(2);
        var viewerId = Assert.Single(setup.Server.Admin.Connections, c => c.Role == "VIEWER").Id;

        Assert.True(setup.Server.Admin.Notify(viewerId, SignalingNotice.ReconnectIceServer));
        Assert.Equal(2, setup.Server.Admin.NotifyChannel(setup.ChannelArn, SignalingNotice.GoAway));
        Assert.False(setup.Server.Admin.Notify("c-unknown", SignalingNotice.GoAway));

        Assert.Equal("RECONNECT_ICE_SERVER", (string)(await viewer.ReceiveAsync())["messageType"]!);
        Assert.Equal("GO_AWAY", (string)(await viewer.ReceiveAsync())["messageType"]!);
        Assert.Equal("GO_AWAY", (string)(await master.ReceiveAsync())["messageType"]!);
        Assert.Equal(WebSocketState.Open, master.Socket.State);
        Assert.Equal(2, setup.Server.Admin.GetMessageCount("GO_AWAY"));
        Assert.Equal(1, setup.Server.Admin.GetMessageCount("RECONNECT_ICE_SERVER"));
    }

    [Fact]
    public async Task The_admin_closes_a_connection_gracefully_or_abruptly()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var graceful = await setup.ConnectViewerAsync("graceful");
        await using var abrupt = await setup.ConnectViewerAsync("abrupt");
        await setup.WaitForConnectionsAsync(2);
        var ids = setup.Server.Admin.Connections.ToDictionary(c => c.ClientId!, c => c.Id);

        Assert.True(setup.Server.Admin.CloseConnection(ids["graceful"]));
        Assert.True(setup.Server.Admin.CloseConnection(ids["abrupt"], abrupt: true));
        var (gracefulStatus, _, _) = await graceful.ReceiveCloseAsync();
        var (abruptStatus, abruptDescription, _) = await abrupt.ReceiveCloseAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, gracefulStatus);
        Assert.Null(abruptStatus);
        Assert.Equal("aborted", abruptDescription);
        Assert.False(setup.Server.Admin.CloseConnection("c-unknown"));
        await setup.WaitForConnectionsAsync(0);
    }

    [Fact]
    public async Task Reset_drops_every_connection()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await setup.WaitForConnectionsAsync(1);

        setup.Server.Admin.Reset();

        var (status, _, _) = await master.ReceiveCloseAsync();
        Assert.Null(status);
        await setup.WaitForConnectionsAsync(0);
    }
}
