using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local.Admin;
using KvsSignaling.Local.Faults;
using static KvsSignaling.EndToEnd.Tests.Signaling.SignalingPeers;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>
/// What kvs-local's admin does to a connection, seen through KvsSignalingConnection: GO_AWAY reconnects with a new
/// presigned URL (or ends the stream when that is off), RECONNECT_ICE_SERVER drops the kept ICE servers, and a dropped
/// connection reconnects with backoff, saying so, until it gives up with a typed error.
/// </summary>
public sealed class SignalingReconnectTests
{
    [Fact]
    public async Task GO_AWAY_reconnects_with_a_new_connection_and_messages_keep_flowing()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("goaway"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token, Quick());
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick());
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER").Count == 1, guard.Token);
        var before = ConnectionsOf(server, arn, "MASTER").Single();

        Assert.True(server.Admin.Notify(before.Id, SignalingNotice.GoAway));

        Assert.Equal(SignalingMessageType.GoAway, (await master.NextAsync<SignalingNoticeMessage>()).Type);
        var reconnecting = await master.NextAsync<ConnectionStateMessage>();
        Assert.Equal((SignalingMessageType.Reconnecting, ReconnectReason.GoAway, 1, TimeSpan.Zero), (reconnecting.Type, reconnecting.Reason, reconnecting.Attempt, reconnecting.Delay));
        var reconnected = await master.NextAsync<ConnectionStateMessage>();
        Assert.Equal((SignalingMessageType.Reconnected, ReconnectReason.GoAway, 1), (reconnected.Type, reconnected.Reason, reconnected.Attempt));

        // A new connection took the old one's place, signed with a new URL.
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER") is [var only] && only.Id != before.Id, guard.Token);
        Assert.Equal(2, server.Admin.GetRequestCount("ConnectAsMaster"));

        await viewer.Connection.SendSdpOfferAsync("v=0 after GO_AWAY", cancellationToken: guard.Token);
        Assert.Equal("v=0 after GO_AWAY", (await master.NextAsync<SdpMessage>()).Sdp);
        await master.Connection.SendSdpAnswerAsync("v=0 answer", "viewer-1", cancellationToken: guard.Token);
        Assert.Equal("v=0 answer", (await viewer.NextAsync<SdpMessage>()).Sdp);
    }

    [Fact]
    public async Task Messages_sent_across_a_GO_AWAY_reconnect_all_arrive_in_order()
    {
        const int count = 60;
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("goaway-flow"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token, Quick());
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick());
        await UntilAsync(() => ConnectionsOf(server, arn, "VIEWER").Count == 1, guard.Token);
        var viewerConnection = ConnectionsOf(server, arn, "VIEWER").Single();

        // The viewer is sent GO_AWAY halfway through; its sends wait for the new connection and none is lost.
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                if (i == count / 2)
                {
                    server.Admin.Notify(viewerConnection.Id, SignalingNotice.GoAway);
                }

                await viewer.Connection.SendIceCandidateAsync("candidate:" + i, "0", 0, cancellationToken: guard.Token);
            }
        });

        for (var i = 0; i < count; i++)
        {
            Assert.Equal("candidate:" + i, (await master.NextAsync<IceCandidateMessage>()).Candidate);
        }

        await sending;
        Assert.Equal(SignalingMessageType.GoAway, (await viewer.NextAsync()).Type);
        Assert.Equal(SignalingMessageType.Reconnecting, (await viewer.NextAsync()).Type);
        Assert.Equal(SignalingMessageType.Reconnected, (await viewer.NextAsync()).Type);
    }

    [Fact]
    public async Task With_reconnect_on_GO_AWAY_off_the_stream_shows_it_and_ends()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("goaway-off"), cancellationToken: guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick(o => o.ReconnectOnGoAway = false));
        await UntilAsync(() => ConnectionsOf(server, arn, "VIEWER").Count == 1, guard.Token);

        Assert.Equal(1, server.Admin.NotifyChannel(arn.Value, SignalingNotice.GoAway));

        Assert.Equal(SignalingMessageType.GoAway, (await viewer.NextAsync()).Type);
        Assert.True(await viewer.EndedAsync());
        var error = await Assert.ThrowsAsync<KvsSignalingConnectionException>(() => viewer.Connection.SendSdpOfferAsync("v=0", cancellationToken: guard.Token));
        Assert.Contains("GO_AWAY", error.Message, StringComparison.Ordinal);
        await UntilAsync(() => ConnectionsOf(server, arn, "VIEWER").Count == 0, guard.Token);
        Assert.Equal(1, server.Admin.GetRequestCount("ConnectAsViewer"));
    }

    [Fact]
    public async Task RECONNECT_ICE_SERVER_is_shown_and_the_next_ICE_server_lookup_asks_the_service()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("ice-reconnect"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token);
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER").Count == 1, guard.Token);
        await client.GetIceServerConfigAsync(arn, cancellationToken: guard.Token);
        await client.GetIceServerConfigAsync(arn, cancellationToken: guard.Token);
        Assert.Equal(1, server.Admin.GetRequestCount("GetIceServerConfig"));

        Assert.Equal(1, server.Admin.NotifyChannel(arn.Value, SignalingNotice.ReconnectIceServer));

        Assert.Equal(SignalingMessageType.ReconnectIceServer, (await master.NextAsync<SignalingNoticeMessage>()).Type);
        await client.GetIceServerConfigAsync(arn, cancellationToken: guard.Token);
        Assert.Equal(2, server.Admin.GetRequestCount("GetIceServerConfig"));

        // The connection itself stays as it was.
        Assert.Equal(1, server.Admin.GetRequestCount("ConnectAsMaster"));
        await master.Connection.SendIceCandidateAsync("candidate:1", "0", 0, "viewer-1", cancellationToken: guard.Token);
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_with_backoff_and_says_so()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("drop"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token, Quick());
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick());
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER").Count == 1, guard.Token);
        var before = ConnectionsOf(server, arn, "MASTER").Single();

        Assert.True(server.Admin.CloseConnection(before.Id, abrupt: true));

        var reconnecting = await master.NextAsync<ConnectionStateMessage>();
        Assert.Equal((SignalingMessageType.Reconnecting, ReconnectReason.ConnectionLost, 1), (reconnecting.Type, reconnecting.Reason, reconnecting.Attempt));
        Assert.InRange(reconnecting.Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
        Assert.NotNull(reconnecting.Cause);
        var reconnected = await master.NextAsync<ConnectionStateMessage>();
        Assert.Equal((SignalingMessageType.Reconnected, ReconnectReason.ConnectionLost, 1), (reconnected.Type, reconnected.Reason, reconnected.Attempt));
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER") is [var only] && only.Id != before.Id, guard.Token);

        await viewer.Connection.SendSdpOfferAsync("v=0 after the drop", cancellationToken: guard.Token);
        Assert.Equal("v=0 after the drop", (await master.NextAsync<SdpMessage>()).Sdp);
    }

    [Fact]
    public async Task Reconnecting_gives_up_after_its_attempts_and_the_stream_ends_with_a_typed_error()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("drop-giveup"), cancellationToken: guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick(o => o.MaxReconnectAttempts = 3));
        await UntilAsync(() => ConnectionsOf(server, arn, "VIEWER").Count == 1, guard.Token);
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Operation = "ConnectAsViewer" });

        Assert.True(server.Admin.CloseConnection(ConnectionsOf(server, arn, "VIEWER").Single().Id, abrupt: true));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var reconnecting = await viewer.NextAsync<ConnectionStateMessage>();
            Assert.Equal((SignalingMessageType.Reconnecting, ReconnectReason.ConnectionLost, attempt), (reconnecting.Type, reconnecting.Reason, reconnecting.Attempt));
            Assert.InRange(reconnecting.Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(Math.Min(50, 5 << (attempt - 1))));
            if (attempt > 1)
            {
                Assert.Equal(503, Assert.IsType<KvsSignalingConnectionException>(reconnecting.Cause).StatusCode);
            }
        }

        var error = await Assert.ThrowsAsync<KvsSignalingConnectionException>(() => viewer.EndedAsync());
        Assert.Equal(3, error.Attempts);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Admin.GetRequestCount("ConnectAsViewer"));
        var send = await Assert.ThrowsAsync<KvsSignalingConnectionException>(() => viewer.Connection.SendSdpOfferAsync("v=0", cancellationToken: guard.Token));
        Assert.Same(error, send.InnerException);
    }

    [Fact]
    public async Task A_close_frame_from_the_service_ends_the_stream_with_its_reason()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("closed"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token, Quick());
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER").Count == 1, guard.Token);

        Assert.True(server.Admin.CloseConnection(ConnectionsOf(server, arn, "MASTER").Single().Id));

        var error = await Assert.ThrowsAsync<KvsSignalingConnectionException>(() => master.EndedAsync());
        Assert.Equal(1000, error.CloseStatus);
        Assert.Equal("Closed by the kvs-local admin.", error.CloseDescription);
        Assert.Equal(KvsErrorCodes.ConnectionClosed, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Transport, error.Kind);
        Assert.Equal(1, server.Admin.GetRequestCount("ConnectAsMaster"));
    }
}
