using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Channels;

/// <summary>GetSignalingChannelEndpoint in both endpoint styles, per role and protocol, and the WEBRTC rule.</summary>
public sealed class EndpointTests
{
    [Fact]
    public async Task The_aws_style_answers_service_shaped_endpoints_that_differ_by_role()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { EndpointStyle = EndpointStyle.Aws });
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("styled");

        var master = await EndpointsAsync(client, arn, "MASTER", "WSS", "HTTPS");
        var viewer = await EndpointsAsync(client, arn, "VIEWER", "WSS", "HTTPS");

        Assert.Matches(@"^wss://m-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com$", master["WSS"]);
        Assert.Matches(@"^wss://v-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com$", viewer["WSS"]);
        Assert.Matches(@"^https://r-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com$", master["HTTPS"]);
        Assert.NotEqual(master["WSS"], viewer["WSS"]);
        Assert.Equal(master["WSS"][8..16], viewer["WSS"][8..16]);
    }

    [Fact]
    public async Task The_local_style_answers_ws_and_http_endpoints_on_kvs_local_itself()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("local");
        var authority = server.BaseUrl.Authority;

        var master = await EndpointsAsync(client, arn, "MASTER", "WSS", "HTTPS");
        var viewer = await EndpointsAsync(client, arn, "VIEWER", "WSS");

        Assert.Matches($"^ws://{authority}/_endpoints/m-[0-9a-f]{{8}}$", master["WSS"]);
        Assert.Matches($"^ws://{authority}/_endpoints/v-[0-9a-f]{{8}}$", viewer["WSS"]);
        Assert.Matches($"^http://{authority}/_endpoints/r-[0-9a-f]{{8}}$", master["HTTPS"]);
    }

    [Fact]
    public async Task Without_a_configuration_the_role_is_MASTER_with_WSS_and_HTTPS()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { EndpointStyle = EndpointStyle.Aws });
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("defaults");

        var list = (await client.CallOkAsync("GetSignalingChannelEndpoint", new JsonObject { ["ChannelARN"] = arn }))["ResourceEndpointList"]!.AsArray();

        Assert.Equal(["WSS", "HTTPS"], list.Select(i => (string)i!["Protocol"]!));
        Assert.StartsWith("wss://m-", (string)list[0]!["ResourceEndpoint"]!);
    }

    [Fact]
    public async Task WEBRTC_is_InvalidArgumentException_until_the_channel_is_configured_for_media_ingestion()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("ingest");
        var request = Request(arn, "MASTER", "WEBRTC");

        AuthenticationTests.AssertError(await client.CallAsync("GetSignalingChannelEndpoint", request), HttpStatusCode.BadRequest, "InvalidArgumentException");

        await client.CallOkAsync("UpdateMediaStorageConfiguration", new JsonObject
        {
            ["ChannelARN"] = arn,
            ["MediaStorageConfiguration"] = new JsonObject { ["Status"] = "ENABLED", ["StreamARN"] = "arn:aws:kinesisvideo:us-west-2:123456789012:stream/s/1" },
        });
        var storage = await client.CallOkAsync("DescribeMediaStorageConfiguration", new JsonObject { ["ChannelARN"] = arn });
        var answered = await client.CallOkAsync("GetSignalingChannelEndpoint", request);

        Assert.Equal("ENABLED", (string)storage["MediaStorageConfiguration"]!["Status"]!);
        Assert.Equal("WEBRTC", (string)answered["ResourceEndpointList"]![0]!["Protocol"]!);
    }

    [Fact]
    public async Task The_admin_media_ingestion_flag_also_makes_WEBRTC_available()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("flagged");

        Assert.True(server.Admin.SetMediaIngestion(arn, true));
        Assert.False(server.Admin.SetMediaIngestion(arn + "0", true));

        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync("GetSignalingChannelEndpoint", Request(arn, "VIEWER", "WEBRTC"))).Status);
    }

    [Fact]
    public async Task An_absent_channel_is_ResourceNotFoundException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("GetSignalingChannelEndpoint",
            Request("arn:aws:kinesisvideo:us-west-2:123456789012:channel/absent/1", "MASTER", "WSS"));

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Media_storage_operations_on_an_absent_channel_are_ResourceNotFoundException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        const string absent = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/absent/1";

        var update = await client.CallAsync("UpdateMediaStorageConfiguration", new JsonObject
        {
            ["ChannelARN"] = absent, ["MediaStorageConfiguration"] = new JsonObject { ["Status"] = "ENABLED" },
        });
        var describe = await client.CallAsync("DescribeMediaStorageConfiguration", new JsonObject { ["ChannelName"] = "absent" });

        AuthenticationTests.AssertError(update, HttpStatusCode.NotFound, "ResourceNotFoundException");
        AuthenticationTests.AssertError(describe, HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Disabling_media_storage_withdraws_WEBRTC_again()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("toggled");
        server.Admin.SetMediaIngestion(arn, true);

        await client.CallOkAsync("UpdateMediaStorageConfiguration", new JsonObject
        {
            ["ChannelARN"] = arn, ["MediaStorageConfiguration"] = new JsonObject { ["Status"] = "DISABLED" },
        });

        var storage = await client.CallOkAsync("DescribeMediaStorageConfiguration", new JsonObject { ["ChannelName"] = "toggled" });
        Assert.Equal("DISABLED", (string)storage["MediaStorageConfiguration"]!["Status"]!);
        AuthenticationTests.AssertError(await client.CallAsync("GetSignalingChannelEndpoint", Request(arn, "MASTER", "WEBRTC")), HttpStatusCode.BadRequest, "InvalidArgumentException");
    }

    internal static JsonObject Request(string arn, string role, params string[] protocols) => new()
    {
        ["ChannelARN"] = arn,
        ["SingleMasterChannelEndpointConfiguration"] = new JsonObject
        {
            ["Protocols"] = new JsonArray(protocols.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["Role"] = role,
        },
    };

    internal static async Task<Dictionary<string, string>> EndpointsAsync(KvsTestClient client, string arn, string role, params string[] protocols)
    {
        var output = await client.CallOkAsync("GetSignalingChannelEndpoint", Request(arn, role, protocols));
        return output["ResourceEndpointList"]!.AsArray().ToDictionary(i => (string)i!["Protocol"]!, i => (string)i!["ResourceEndpoint"]!);
    }
}
