using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>The admin endpoint's signaling routes: list connections, close one, send notices, count messages.</summary>
public sealed class SignalingAdminEndpointTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Connections_and_message_counts_are_listed_over_HTTP()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(2);
        await viewer.SendAsync(Message("SDP_OFFER", "o"));
        await master.ReceiveAsync();

        var listing = await GetAsync(setup, "connections");
        var messages = await GetAsync(setup, "messages");

        var connections = listing["Connections"]!.AsArray();
        Assert.Equal(2, connections.Count);
        var viewerEntry = connections.Single(c => (string?)c!["Role"] == "VIEWER")!;
        Assert.Equal("viewer-1", (string)viewerEntry["ClientId"]!);
        Assert.Equal(setup.ChannelArn, (string)viewerEntry["ChannelARN"]!);
        Assert.Equal(1, (long)viewerEntry["MessagesIn"]!);
        Assert.NotNull(viewerEntry["Since"]);
        Assert.Null(connections.Single(c => (string?)c!["Role"] == "MASTER")!["ClientId"]);
        Assert.Equal(1, (long)messages["Messages"]!["SDP_OFFER"]!);
        Assert.Equal(1, (long)messages["Total"]!);
    }

    [Fact]
    public async Task Notices_go_to_one_connection_or_a_channel_and_a_connection_is_closed_over_HTTP()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("viewer-1");
        await setup.WaitForConnectionsAsync(2);
        var viewerId = setup.Server.Admin.Connections.Single(c => c.Role == "VIEWER").Id;

        using var one = await PostAsync(setup, "connections/notify", $$"""{"Id":"{{viewerId}}","Notice":"ReconnectIceServer"}""");
        using var all = await PostAsync(setup, "connections/notify", $$"""{"ChannelARN":"{{setup.ChannelArn}}","Notice":"GoAway"}""");
        using var unknown = await PostAsync(setup, "connections/notify", """{"Id":"c-999","Notice":"GoAway"}""");
        using var neither = await PostAsync(setup, "connections/notify", """{"Notice":"GoAway"}""");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await all.Content.ReadAsStringAsync())!["Sent"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Equal("RECONNECT_ICE_SERVER", (string)(await viewer.ReceiveAsync())["messageType"]!);
        Assert.Equal("GO_AWAY", (string)(await viewer.ReceiveAsync())["messageType"]!);
        Assert.Equal("GO_AWAY", (string)(await master.ReceiveAsync())["messageType"]!);

        using var closed = await PostAsync(setup, "connections/close", $$"""{"Id":"{{viewerId}}"}""");
        using var closedAgain = await PostAsync(setup, "connections/close", """{"Id":"c-999","Abrupt":true}""");

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, closedAgain.StatusCode);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await viewer.ReceiveCloseAsync()).Status);
    }

    private static async Task<JsonNode> GetAsync(SignalingSetup setup, string route)
    {
        using var response = await Http.GetAsync(new Uri(setup.Server.BaseUrl, "_kvs-local/" + route));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Task<HttpResponseMessage> PostAsync(SignalingSetup setup, string route, string body) =>
        Http.PostAsync(new Uri(setup.Server.BaseUrl, "_kvs-local/" + route), new StringContent(body, Encoding.UTF8, "application/json"));
}
