using System.Globalization;
using System.Text.Json;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>What goes on the wire, checked on a real socket against the service model.</summary>
public sealed class RequestShapeTests
{
    [Fact]
    public async Task GetSignalingChannelEndpoint_sends_the_model_request_signed_for_kinesisvideo()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://v-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com"), ("HTTPS", "https://r-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com")));
        using var client = TestClients.Create(server);

        var result = await client.GetSignalingChannelEndpointAsync(TestClients.Arn, "viewer", new ChannelProtocol[] { "wss", ChannelProtocol.Https });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(OperationPath("GetSignalingChannelEndpoint"), request.Target);
        Assert.Equal("/getSignalingChannelEndpoint", request.Target);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal($"127.0.0.1:{server.Url.Port}", request.Header("Host"));
        Assert.Equal(
            "{\"ChannelARN\":\"" + TestClients.Arn + "\",\"SingleMasterChannelEndpointConfiguration\":{\"Protocols\":[\"WSS\",\"HTTPS\"],\"Role\":\"VIEWER\"}}",
            request.BodyText);
        AssertMembersExist(request.BodyText, "GetSignalingChannelEndpointInput");

        var authorization = request.Header("Authorization")!;
        var scope = $"{request.Header("X-Amz-Date")![..8]}/us-west-2/kinesisvideo/aws4_request";
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={TestClients.AccessKey}/{scope}, SignedHeaders=", authorization, StringComparison.Ordinal);
        Assert.Contains("x-amz-security-token", authorization, StringComparison.Ordinal);
        Assert.Equal(TestClients.SessionToken, request.Header("X-Amz-Security-Token"));
        Assert.Null(SigV4Reference.Verify(request, TestClients.SecretKey));
        Assert.NotNull(SigV4Reference.Verify(request, "another-secret"));

        Assert.Equal(TestClients.Arn, result.ChannelArn.Value);
        Assert.Equal(ChannelRole.Viewer, result.Role);
        Assert.Equal(new Uri("wss://v-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com"), result.Wss);
        Assert.Equal(new Uri("https://r-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com"), result.Https);
        Assert.Null(result.WebRtc);
        Assert.Equal(new[] { ChannelProtocol.Wss, ChannelProtocol.Https }, result.Endpoints.Select(e => e.Protocol));
        Assert.Equal("req-1", result.RequestId);
        Assert.False(result.FromCache);
    }

    [Fact]
    public async Task Default_protocols_are_wss_and_https_and_master_is_sent_as_MASTER()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m-1.example"), ("HTTPS", "https://r-1.example")));
        using var client = TestClients.Create(server);

        var result = await client.GetSignalingChannelEndpointAsync(ChannelArn.Parse(TestClients.Arn), ChannelRole.Master);

        using var body = JsonDocument.Parse(server.Requests[0].Body);
        var configuration = body.RootElement.GetProperty("SingleMasterChannelEndpointConfiguration");
        Assert.Equal(new[] { "WSS", "HTTPS" }, configuration.GetProperty("Protocols").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("MASTER", configuration.GetProperty("Role").GetString());
        Assert.Equal(ChannelRole.Master, result.Role);
    }

    [Fact]
    public async Task Describe_by_arn_and_by_name_send_the_model_members_and_read_ChannelInfo()
    {
        const string info = "{\"ChannelInfo\":{\"ChannelName\":\"demo-channel\",\"ChannelARN\":\"" + TestClients.Arn + "\",\"ChannelType\":\"SINGLE_MASTER\",\"ChannelStatus\":\"ACTIVE\",\"CreationTime\":1700000000.5,\"SingleMasterConfiguration\":{\"MessageTtlSeconds\":60},\"Version\":\"abc123\"}}";
        await using var server = new LoopbackServer((_, _) => Reply.Json(info));
        using var client = TestClients.Create(server);

        var byArn = await client.DescribeSignalingChannelAsync(TestClients.Arn);
        var byName = await client.DescribeSignalingChannelByNameAsync("demo-channel");

        Assert.All(server.Requests, r => Assert.Equal(OperationPath("DescribeSignalingChannel"), r.Target));
        Assert.Equal("{\"ChannelARN\":\"" + TestClients.Arn + "\"}", server.Requests[0].BodyText);
        Assert.Equal("{\"ChannelName\":\"demo-channel\"}", server.Requests[1].BodyText);
        AssertMembersExist(server.Requests[0].BodyText, "DescribeSignalingChannelInput");
        AssertMembersExist(server.Requests[1].BodyText, "DescribeSignalingChannelInput");
        foreach (var channel in new[] { byArn, byName })
        {
            Assert.Equal("demo-channel", channel.ChannelName);
            Assert.Equal(TestClients.Arn, channel.ChannelARN.Value);
            Assert.Equal("SINGLE_MASTER", channel.ChannelType);
            Assert.Equal("ACTIVE", channel.ChannelStatus);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000500), channel.CreationTime);
            Assert.Equal(60, channel.MessageTtlSeconds);
            Assert.Equal("abc123", channel.Version);
            Assert.Equal("us-west-2", channel.Region);
        }
    }

    [Fact]
    public async Task List_follows_every_page_and_sends_the_prefix_as_BEGINS_WITH()
    {
        await using var server = new LoopbackServer((request, number) =>
        {
            var next = number < 3 ? $",\"NextToken\":\"page{number + 1}\"" : string.Empty;
            return Reply.Json($"{{\"ChannelInfoList\":[{Channel("chan-" + number)}]{next}}}");
        });
        using var client = TestClients.Create(server);

        var names = new List<string>();
        await foreach (var channel in client.ListSignalingChannelsAsync("chan"))
        {
            names.Add(channel.ChannelName);
        }

        Assert.Equal(new[] { "chan-1", "chan-2", "chan-3" }, names);
        Assert.Equal(3, server.Count);
        Assert.All(server.Requests, r => Assert.Equal(OperationPath("ListSignalingChannels"), r.Target));
        Assert.Equal("{\"ChannelNameCondition\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"ComparisonValue\":\"chan\"}}", server.Requests[0].BodyText);
        Assert.Equal("{\"ChannelNameCondition\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"ComparisonValue\":\"chan\"},\"NextToken\":\"page2\"}", server.Requests[1].BodyText);
        Assert.Equal("{\"ChannelNameCondition\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"ComparisonValue\":\"chan\"},\"NextToken\":\"page3\"}", server.Requests[2].BodyText);
        Assert.All(server.Requests, r => AssertMembersExist(r.BodyText, "ListSignalingChannelsInput"));
    }

    [Fact]
    public async Task List_without_prefix_sends_an_empty_object_and_stops_on_a_repeated_token()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Json($"{{\"ChannelInfoList\":[{Channel("c")}],\"NextToken\":\"same\"}}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(async () =>
        {
            await foreach (var channel in client.ListSignalingChannelsAsync())
            {
                Assert.Equal("c", channel.ChannelName);
            }
        });

        Assert.Equal("{}", server.Requests[0].BodyText);
        Assert.Equal(2, server.Count);
        Assert.Contains("NextToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_update_and_delete_send_the_model_members()
    {
        await using var server = new LoopbackServer((request, _) => request.Target == "/createSignalingChannel"
            ? Reply.Json("{\"ChannelARN\":\"" + TestClients.Arn + "\"}")
            : Reply.Json("{}"));
        using var client = TestClients.Create(server);

        var arn = await client.CreateSignalingChannelAsync("demo-channel", 30, new Dictionary<string, string> { ["env"] = "test" });
        await client.UpdateSignalingChannelAsync(arn, "v1", 45);
        await client.DeleteSignalingChannelAsync(arn, "v2");
        await client.DeleteSignalingChannelAsync(arn);

        Assert.Equal(TestClients.Arn, arn.Value);
        var requests = server.Requests;
        Assert.Equal(new[] { OperationPath("CreateSignalingChannel"), OperationPath("UpdateSignalingChannel"), OperationPath("DeleteSignalingChannel"), OperationPath("DeleteSignalingChannel") }, requests.Select(r => r.Target));
        Assert.Equal("{\"ChannelName\":\"demo-channel\",\"ChannelType\":\"SINGLE_MASTER\",\"SingleMasterConfiguration\":{\"MessageTtlSeconds\":30},\"Tags\":[{\"Key\":\"env\",\"Value\":\"test\"}]}", requests[0].BodyText);
        Assert.Equal("{\"ChannelARN\":\"" + TestClients.Arn + "\",\"CurrentVersion\":\"v1\",\"SingleMasterConfiguration\":{\"MessageTtlSeconds\":45}}", requests[1].BodyText);
        Assert.Equal("{\"ChannelARN\":\"" + TestClients.Arn + "\",\"CurrentVersion\":\"v2\"}", requests[2].BodyText);
        Assert.Equal("{\"ChannelARN\":\"" + TestClients.Arn + "\"}", requests[3].BodyText);
        AssertMembersExist(requests[0].BodyText, "CreateSignalingChannelInput");
        AssertMembersExist(requests[1].BodyText, "UpdateSignalingChannelInput");
        AssertMembersExist(requests[2].BodyText, "DeleteSignalingChannelInput");
        Assert.All(requests, r => Assert.Null(SigV4Reference.Verify(r, TestClients.SecretKey)));
    }

    [Fact]
    public async Task Tag_untag_and_list_tags_send_the_model_members_and_list_follows_every_page()
    {
        await using var server = new LoopbackServer((request, number) => request.Target switch
        {
            "/ListTagsForResource" when !request.BodyText.Contains("NextToken", StringComparison.Ordinal) => Reply.Json("{\"Tags\":{\"site\":\"hq\"},\"NextToken\":\"cGFnZTI=\"}"),
            "/ListTagsForResource" => Reply.Json("{\"Tags\":{\"owner\":\"\"}}"),
            _ => Reply.Json("{}"),
        });
        using var client = TestClients.Create(server);

        await client.TagSignalingChannelAsync(TestClients.Arn, new Dictionary<string, string> { ["site"] = "hq", ["owner"] = string.Empty });
        await client.UntagSignalingChannelAsync(TestClients.Arn, new[] { "old", "older" });
        var tags = await client.ListSignalingChannelTagsAsync(TestClients.Arn);

        var requests = server.Requests;
        Assert.Equal(new[] { OperationPath("TagResource"), OperationPath("UntagResource"), OperationPath("ListTagsForResource"), OperationPath("ListTagsForResource") }, requests.Select(r => r.Target));
        Assert.Equal("/TagResource", requests[0].Target);
        Assert.Equal("{\"ResourceARN\":\"" + TestClients.Arn + "\",\"Tags\":[{\"Key\":\"site\",\"Value\":\"hq\"},{\"Key\":\"owner\",\"Value\":\"\"}]}", requests[0].BodyText);
        Assert.Equal("{\"ResourceARN\":\"" + TestClients.Arn + "\",\"TagKeyList\":[\"old\",\"older\"]}", requests[1].BodyText);
        Assert.Equal("{\"ResourceARN\":\"" + TestClients.Arn + "\"}", requests[2].BodyText);
        Assert.Equal("{\"NextToken\":\"cGFnZTI=\",\"ResourceARN\":\"" + TestClients.Arn + "\"}", requests[3].BodyText);
        AssertMembersExist(requests[0].BodyText, "TagResourceInput");
        AssertMembersExist(requests[1].BodyText, "UntagResourceInput");
        AssertMembersExist(requests[3].BodyText, "ListTagsForResourceInput");
        Assert.All(requests, r => Assert.Null(SigV4Reference.Verify(r, TestClients.SecretKey)));
        Assert.Equal(new Dictionary<string, string> { ["site"] = "hq", ["owner"] = string.Empty }, tags);
    }

    [Fact]
    public async Task List_tags_stops_on_a_repeated_token()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Json("{\"Tags\":{\"a\":\"1\"},\"NextToken\":\"same\"}"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<KvsTransportException>(() => client.ListSignalingChannelTagsAsync(TestClients.Arn));

        Assert.Equal(2, server.Count);
        Assert.Contains("NextToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_tag_arguments_fail_before_any_request_naming_the_tag()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Json("{}"));
        using var client = TestClients.Create(server);
        var tooMany = Enumerable.Range(0, 51).Select(i => new KeyValuePair<string, string>("k" + i.ToString(CultureInfo.InvariantCulture), "v"));

        var badKey = await Assert.ThrowsAsync<ArgumentException>(() => client.TagSignalingChannelAsync(TestClients.Arn, new Dictionary<string, string> { ["bad key!"] = "v" }));
        Assert.Contains("bad key!", badKey.Message, StringComparison.Ordinal);
        var badValue = await Assert.ThrowsAsync<ArgumentException>(() => client.TagSignalingChannelAsync(TestClients.Arn, new Dictionary<string, string> { ["site"] = "a#b" }));
        Assert.Contains("site", badValue.Message, StringComparison.Ordinal);
        Assert.Contains("51", (await Assert.ThrowsAsync<ArgumentException>(() => client.TagSignalingChannelAsync(TestClients.Arn, tooMany))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => client.TagSignalingChannelAsync(TestClients.Arn, new Dictionary<string, string>()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.TagSignalingChannelAsync(TestClients.Arn, new[] { new KeyValuePair<string, string>("a", "1"), new KeyValuePair<string, string>("a", "2") }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TagSignalingChannelAsync(null!, new Dictionary<string, string> { ["a"] = "1" }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TagSignalingChannelAsync(TestClients.Arn, null!));
        Assert.Contains("bad key!", (await Assert.ThrowsAsync<ArgumentException>(() => client.UntagSignalingChannelAsync(TestClients.Arn, new[] { "ok", "bad key!" }))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => client.UntagSignalingChannelAsync(TestClients.Arn, Array.Empty<string>()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.UntagSignalingChannelAsync(TestClients.Arn, tooMany.Select(t => t.Key)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ListSignalingChannelTagsAsync(null!));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Invalid_arguments_fail_before_any_request()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Json("{}"));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetSignalingChannelEndpointAsync(null!, ChannelRole.Master));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, Array.Empty<ChannelProtocol>()));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, new ChannelProtocol[] { "WSS", "wss" }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DescribeSignalingChannelByNameAsync("bad name"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateSignalingChannelAsync("ok", 4));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.UpdateSignalingChannelAsync(TestClients.Arn, "not-valid!", 10));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DeleteSignalingChannelAsync(TestClients.Arn, string.Empty));
        Assert.ThrowsAny<ArgumentException>(() => client.ListSignalingChannelsAsync("bad/prefix"));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Sequential_calls_reuse_one_connection_and_concurrent_calls_all_succeed()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server);

        for (var i = 0; i < 5; i++)
        {
            await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master, new[] { ChannelProtocol.Wss });
        }

        Assert.Equal(1, server.ConnectionCount);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.GetSignalingChannelEndpointAsync($"arn:aws:kinesisvideo:us-west-2:123456789012:channel/c{i}/1", ChannelRole.Viewer, new[] { ChannelProtocol.Wss })));
        Assert.Equal(20, results.Select(r => r.ChannelArn.ChannelName).Distinct().Count());
        Assert.Equal(25, server.Count);
    }

    private static string Channel(string name) =>
        $"{{\"ChannelName\":\"{name}\",\"ChannelARN\":\"arn:aws:kinesisvideo:us-west-2:123456789012:channel/{name}/1\",\"ChannelType\":\"SINGLE_MASTER\",\"ChannelStatus\":\"ACTIVE\",\"Version\":\"v1\"}}";

    private static string OperationPath(string operation)
    {
        var http = Contract.Operations.GetProperty(operation).GetProperty("http");
        Assert.Equal("POST", http.GetProperty("method").GetString());
        return http.GetProperty("requestUri").GetString()!;
    }

    /// <summary>Every JSON member sent is a member of the model shape, recursively, with the model's spelling.</summary>
    private static void AssertMembersExist(string json, string shapeName)
    {
        using var document = JsonDocument.Parse(json);
        AssertMembers(document.RootElement, shapeName);
    }

    private static void AssertMembers(JsonElement element, string shapeName)
    {
        var shape = Contract.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                var members = shape.GetProperty("members");
                foreach (var property in element.EnumerateObject())
                {
                    Assert.True(members.TryGetProperty(property.Name, out var member), $"{property.Name} is not a member of {shapeName}");
                    AssertMembers(property.Value, member.GetProperty("shape").GetString()!);
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray())
                    {
                        Assert.True(element.TryGetProperty(name.GetString()!, out _), $"required {name} missing from {shapeName}");
                    }
                }

                break;
            case "list":
                foreach (var item in element.EnumerateArray())
                {
                    AssertMembers(item, shape.GetProperty("member").GetProperty("shape").GetString()!);
                }

                break;
            case "string":
                Assert.Equal(JsonValueKind.String, element.ValueKind);
                if (shape.TryGetProperty("enum", out var values))
                {
                    Assert.Contains(element.GetString(), values.EnumerateArray().Select(v => v.GetString()));
                }

                break;
            case "integer":
                Assert.Equal(JsonValueKind.Number, element.ValueKind);
                Assert.InRange(element.GetInt32(), shape.GetProperty("min").GetInt32(), shape.GetProperty("max").GetInt32());
                break;
            default:
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"unexpected shape type in {shapeName}"));
                break;
        }
    }
}
