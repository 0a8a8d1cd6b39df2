using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Channels;

/// <summary>GetIceServerConfig is served on the channel's local HTTPS endpoint only, validated against the signaling model.</summary>
public sealed class IceServerConfigTests
{
    private const string IcePath = "/v1/get-ice-server-config";

    [Fact]
    public async Task The_HTTPS_endpoint_answers_ICE_servers_in_the_service_shape()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("ice");
        var https = (await EndpointTests.EndpointsAsync(client, arn, "VIEWER", "HTTPS"))["HTTPS"];

        var response = await client.SendAsync(HttpMethod.Post, new Uri(https).AbsolutePath + IcePath,
            Body(new JsonObject { ["ChannelARN"] = arn, ["ClientId"] = "viewer-1", ["Service"] = "TURN" }));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var ice = response.Json!["IceServerList"]![0]!;
        Assert.All(ice["Uris"]!.AsArray(), uri => Assert.Matches("^turns?:127\\.0\\.0\\.1:[0-9]+\\?transport=(udp|tcp)$", (string)uri!));
        Assert.Matches("^[a-zA-Z0-9_.-]+$", (string)ice["Username"]!);
        Assert.Matches("^[a-zA-Z0-9_.-]+$", (string)ice["Password"]!);
        Assert.Equal(300, (int)ice["Ttl"]!);
        Assert.Equal(1, server.Admin.GetRequestCount("GetIceServerConfig"));
    }

    [Fact]
    public async Task The_TURN_credentials_change_on_each_call_and_expire_after_Ttl()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var client = new KvsTestClient(server.BaseUrl) { SignedAt = clock.GetUtcNow().UtcDateTime };
        var arn = await client.CreateChannelAsync("rotating");
        var https = (await EndpointTests.EndpointsAsync(client, arn, "VIEWER", "HTTPS"))["HTTPS"];
        var path = new Uri(https).AbsolutePath + IcePath;
        var input = Body(new JsonObject { ["ChannelARN"] = arn, ["ClientId"] = "viewer-1" });

        var first = (await client.SendAsync(HttpMethod.Post, path, input)).Json!["IceServerList"]![0]!;
        var second = (await client.SendAsync(HttpMethod.Post, path, input)).Json!["IceServerList"]![0]!;

        Assert.NotEqual((string)first["Password"]!, (string)second["Password"]!);
        var expires = long.Parse(((string)first["Username"]!).Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(clock.GetUtcNow().AddSeconds((int)first["Ttl"]!).ToUnixTimeSeconds(), expires);
    }

    [Fact]
    public async Task Sent_to_the_control_plane_it_is_UnknownOperationException_pointing_at_the_HTTPS_endpoint()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("misdirected");

        var response = await client.SendAsync(HttpMethod.Post, IcePath, Body(new JsonObject { ["ChannelARN"] = arn }));

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "UnknownOperationException");
        Assert.Contains("HTTPS endpoint", response.Message);
    }

    [Fact]
    public async Task Sent_to_another_channels_endpoint_it_is_InvalidArgumentException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var mine = await client.CreateChannelAsync("mine");
        var other = await client.CreateChannelAsync("other");
        var otherHttps = (await EndpointTests.EndpointsAsync(client, other, "MASTER", "HTTPS"))["HTTPS"];

        var response = await client.SendAsync(HttpMethod.Post, new Uri(otherHttps).AbsolutePath + IcePath, Body(new JsonObject { ["ChannelARN"] = mine }));

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
    }

    [Fact]
    public async Task Sent_to_a_WSS_endpoint_it_is_UnknownOperationException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("socket");
        var wss = (await EndpointTests.EndpointsAsync(client, arn, "MASTER", "WSS"))["WSS"];

        var response = await client.SendAsync(HttpMethod.Post, new Uri(wss).AbsolutePath + IcePath, Body(new JsonObject { ["ChannelARN"] = arn }));

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "UnknownOperationException");
    }

    [Theory]
    [InlineData("Service", "STUN")]
    [InlineData("ClientId", "bad id")]
    [InlineData("Username", "")]
    public async Task Its_input_is_validated_against_the_signaling_model(string member, string value)
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("checked");
        var https = (await EndpointTests.EndpointsAsync(client, arn, "MASTER", "HTTPS"))["HTTPS"];

        var response = await client.SendAsync(HttpMethod.Post, new Uri(https).AbsolutePath + IcePath, Body(new JsonObject { ["ChannelARN"] = arn, [member] = value }));

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains($"at '{member}'", response.Message);
    }

    private static byte[] Body(JsonObject input) => Encoding.UTF8.GetBytes(input.ToJsonString());
}
