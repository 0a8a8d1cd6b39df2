using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Faults;

/// <summary>The unsigned admin endpoint under /_kvs-local/: counters, faults, media ingestion, reset.</summary>
public sealed class AdminEndpointTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Requests_are_counted_per_operation_even_when_rejected_before_any_work()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        await client.CallAsync("ListSignalingChannels");
        await new KvsTestClient(server.BaseUrl) { SecretAccessKey = "wrong" }.CallAsync("ListSignalingChannels");
        await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "bad name" });
        await client.SendAsync(HttpMethod.Post, "/nothingHere", []);

        var counts = await GetJsonAsync(server, "requests");

        Assert.Equal(4, (long)counts["Total"]!);
        Assert.Equal(2, (long)counts["Operations"]!["ListSignalingChannels"]!);
        Assert.Equal(1, (long)counts["Operations"]!["CreateSignalingChannel"]!);
        Assert.Equal(1, (long)counts["Operations"]!["Unknown"]!);
        Assert.Equal(0, server.Admin.GetRequestCount("GetSignalingChannelEndpoint"));
    }

    [Fact]
    public async Task Faults_are_added_listed_and_cleared_over_HTTP()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);

        using var added = await Http.PostAsync(new Uri(server.BaseUrl, "_kvs-local/faults"),
            new StringContent("""{"Kind":"ServiceUnavailable","Operation":"ListSignalingChannels","Count":3}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.CallAsync("ListSignalingChannels")).Status);

        var listed = await GetJsonAsync(server, "faults");
        Assert.Equal(2, (int)listed["Faults"]![0]!["Remaining"]!);
        Assert.Equal("ServiceUnavailable", (string)listed["Faults"]![0]!["Rule"]!["Kind"]!);

        using var cleared = await Http.DeleteAsync(new Uri(server.BaseUrl, "_kvs-local/faults"));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync("ListSignalingChannels")).Status);
    }

    [Theory]
    [InlineData("""{"Kind":"Nonsense"}""")]
    [InlineData("""{"Kind":"Throttle","Rate":2}""")]
    [InlineData("""{"Operation":"ListSignalingChannels"}""")]
    [InlineData("not json")]
    public async Task A_bad_fault_is_400_with_a_message(string body)
    {
        await using var server = await KvsLocalServer.StartAsync();
        using var response = await Http.PostAsync(new Uri(server.BaseUrl, "_kvs-local/faults"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]));
    }

    [Fact]
    public async Task Reset_deletes_channels_and_clears_counters_and_faults()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        await client.CreateChannelAsync("to-forget");
        server.Admin.AddFault(new Local.Faults.FaultRule { Kind = Local.Faults.FaultKind.Throttle, Operation = "DeleteSignalingChannel" });

        using var reset = await Http.PostAsync(new Uri(server.BaseUrl, "_kvs-local/reset"), null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(server.Admin.Faults);
        Assert.Empty(server.Admin.RequestCounts);
        Assert.Empty((await client.CallOkAsync("ListSignalingChannels"))["ChannelInfoList"]!.AsArray());
    }

    [Fact]
    public async Task Media_ingestion_is_set_over_HTTP_and_channels_are_listed()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("ingest");

        using var set = await Http.PostAsync(new Uri(server.BaseUrl, "_kvs-local/channels/media-ingestion"),
            new StringContent($$"""{"ChannelARN":"{{arn}}","Enabled":true}""", Encoding.UTF8, "application/json"));
        using var missing = await Http.PostAsync(new Uri(server.BaseUrl, "_kvs-local/channels/media-ingestion"),
            new StringContent("""{"ChannelARN":"arn:aws:kinesisvideo:us-west-2:123456789012:channel/x/1","Enabled":true}""", Encoding.UTF8, "application/json"));
        var channels = await GetJsonAsync(server, "channels");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True((bool)channels["Channels"]![0]!["MediaIngestionEnabled"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync("GetSignalingChannelEndpoint", Channels.EndpointTests.Request(arn, "MASTER", "WEBRTC"))).Status);
    }

    [Fact]
    public async Task Health_answers_and_an_unknown_admin_route_lists_the_routes()
    {
        await using var server = await KvsLocalServer.StartAsync();

        Assert.Equal("ok", (string)(await GetJsonAsync(server, "health"))["Status"]!);
        using var unknown = await Http.GetAsync(new Uri(server.BaseUrl, "_kvs-local/nothing"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("GET /_kvs-local/requests", await unknown.Content.ReadAsStringAsync());
        Assert.True(unknown.Headers.Contains("x-amzn-RequestId"));
    }

    private static async Task<JsonNode> GetJsonAsync(KvsLocalServer server, string route)
    {
        using var response = await Http.GetAsync(new Uri(server.BaseUrl, "_kvs-local/" + route));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
