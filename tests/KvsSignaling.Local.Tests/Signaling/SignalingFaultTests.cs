using System.Net;
using System.Net.WebSockets;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>Faults on the data plane: refused upgrades, delayed and dropped messages, connections closed abruptly.</summary>
public sealed class SignalingFaultTests
{
    [Fact]
    public async Task The_next_upgrades_are_refused_then_connections_succeed_again()
    {
        await using var setup = await SignalingSetup.StartAsync();
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Operation = "ConnectAsViewer", Count = 2 });

        var first = await UpgradeVerificationTests.GetAsync(setup.ViewerUrl("viewer-1"));
        var second = await UpgradeVerificationTests.GetAsync(setup.ViewerUrl("viewer-1"));
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");

        AuthenticationTests.AssertError(first, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        AuthenticationTests.AssertError(second, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        Assert.Empty(setup.Server.Admin.Faults);
        Assert.Equal(WebSocketState.Open, viewer.Socket.State);
    }

    [Fact]
    public async Task A_refused_upgrade_through_a_real_WebSocket_client_fails_its_connect()
    {
        await using var setup = await SignalingSetup.StartAsync();
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = "ConnectAsMaster", Count = 1 });
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(setup.MasterUrl(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
        Assert.Equal("ClientLimitExceededException", Assert.Single(socket.HttpResponseHeaders!["x-amzn-ErrorType"]));
    }

    [Fact]
    public async Task Dropped_messages_never_arrive_and_the_rest_do()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.DropMessage, Operation = "SendSdpOffer", Count = 1 });

        await viewer.SendAsync(Message("SDP_OFFER", "dropped", correlationId: "o1"));
        await viewer.SendAsync(Message("ICE_CANDIDATE", "kept"));
        await viewer.SendAsync(Message("SDP_OFFER", "second-offer"));

        Assert.Equal("kept", PayloadText(await master.ReceiveAsync()));
        Assert.Equal("second-offer", PayloadText(await master.ReceiveAsync()));
    }

    [Fact]
    public async Task Delayed_messages_arrive_in_order()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.Latency, Operation = "SendIceCandidate", LatencyMs = 50, Count = 2 });

        await viewer.SendAsync(Message("ICE_CANDIDATE", "1"));
        await viewer.SendAsync(Message("ICE_CANDIDATE", "2"));
        await viewer.SendAsync(Message("ICE_CANDIDATE", "3"));

        Assert.Equal(["1", "2", "3"], [PayloadText(await master.ReceiveAsync()), PayloadText(await master.ReceiveAsync()), PayloadText(await master.ReceiveAsync())]);
        Assert.Empty(setup.Server.Admin.Faults);
    }

    [Fact]
    public async Task A_connection_is_closed_abruptly_when_it_sends_a_matching_message()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.AbortConnection, Operation = "SendSdpAnswer", Count = 1 });

        await master.SendAsync(Message("SDP_ANSWER", "a", "viewer-1"));
        var (status, description, _) = await master.ReceiveCloseAsync();

        Assert.Null(status);
        Assert.Equal("aborted", description);
        await setup.WaitForConnectionsAsync(1);
    }

    [Fact]
    public async Task Message_faults_do_not_hit_control_plane_requests_and_request_faults_do_not_hit_messages()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.DropMessage, Count = 1 });
        setup.Server.Admin.AddFault(new FaultRule { Kind = FaultKind.MalformedBody, Operation = "SendSdpOffer", Count = 1 });

        var list = await setup.Client.CallAsync("ListSignalingChannels");
        await viewer.SendAsync(Message("SDP_OFFER", "dropped"));
        await viewer.SendAsync(Message("SDP_OFFER", "delivered"));

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("delivered", PayloadText(await master.ReceiveAsync()));
        Assert.Equal(FaultKind.MalformedBody, Assert.Single(setup.Server.Admin.Faults).Rule.Kind);
    }
}
