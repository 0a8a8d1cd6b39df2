using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Channels;

/// <summary>TagResource, UntagResource and ListTagsForResource on signaling channels, and tags given at creation.</summary>
public sealed class TagOperationTests
{
    private const string AbsentArn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/absent/1700000000000";

    [Fact]
    public async Task Tags_given_at_creation_are_listed_as_a_map()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var created = await client.CallOkAsync("CreateSignalingChannel", JsonNode.Parse(
            """{"ChannelName":"tagged","Tags":[{"Key":"site","Value":"hq"},{"Key":"empty","Value":""}]}"""));

        var listed = await client.CallOkAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = (string)created["ChannelARN"]! });

        Assert.Equal("""{"empty":"","site":"hq"}""", listed["Tags"]!.ToJsonString());
        Assert.Null(listed["NextToken"]);
    }

    [Fact]
    public async Task A_channel_without_tags_lists_an_empty_map()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("untagged");

        var listed = await client.CallOkAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn, ["NextToken"] = "" });

        Assert.Equal("{}", listed["Tags"]!.ToJsonString());
    }

    [Fact]
    public async Task TagResource_adds_and_replaces_and_UntagResource_removes_ignoring_absent_keys()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = (string)(await client.CallOkAsync("CreateSignalingChannel", JsonNode.Parse(
            """{"ChannelName":"retagged","Tags":[{"Key":"site","Value":"hq"}]}""")))["ChannelARN"]!;
        var version = (string)(await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!["Version"]!;

        var tagged = await client.CallOkAsync("TagResource", JsonNode.Parse(
            $$"""{"ResourceARN":"{{arn}}","Tags":[{"Key":"site","Value":"branch"},{"Key":"owner","Value":"ops"}]}"""));
        Assert.Equal("{}", tagged.ToJsonString());
        Assert.Equal("""{"owner":"ops","site":"branch"}""", (await client.CallOkAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn }))["Tags"]!.ToJsonString());

        var untagged = await client.CallOkAsync("UntagResource", JsonNode.Parse($$"""{"ResourceARN":"{{arn}}","TagKeyList":["site","never-set"]}"""));
        Assert.Equal("{}", untagged.ToJsonString());
        Assert.Equal("""{"owner":"ops"}""", (await client.CallOkAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn }))["Tags"]!.ToJsonString());

        // Tags are not configuration: the channel's version stays.
        Assert.Equal(version, (string)(await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!["Version"]!);
    }

    [Fact]
    public async Task More_than_50_tags_on_a_channel_is_TagsPerResourceExceededLimitException_and_changes_nothing()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = (string)(await client.CallOkAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "full", ["Tags"] = Tags("a", 0, 30) }))["ChannelARN"]!;

        // 30 + 20 new is the limit; replacing existing keys does not count twice.
        await client.CallOkAsync("TagResource", new JsonObject { ["ResourceARN"] = arn, ["Tags"] = Tags("b", 0, 20) });
        await client.CallOkAsync("TagResource", new JsonObject { ["ResourceARN"] = arn, ["Tags"] = Tags("a", 0, 30) });
        var over = await client.CallAsync("TagResource", new JsonObject { ["ResourceARN"] = arn, ["Tags"] = Tags("c", 0, 1) });

        AuthenticationTests.AssertError(over, HttpStatusCode.BadRequest, "TagsPerResourceExceededLimitException");
        Assert.Contains("51", over.Message);
        Assert.Equal(50, (await client.CallOkAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn }))["Tags"]!.AsObject().Count);
    }

    [Fact]
    public async Task Fifty_one_tags_in_one_request_are_refused_by_the_model()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("many");

        var tag = await client.CallAsync("TagResource", new JsonObject { ["ResourceARN"] = arn, ["Tags"] = Tags("k", 0, 51) });
        var create = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "many-2", ["Tags"] = Tags("k", 0, 51) });

        AuthenticationTests.AssertError(tag, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("at 'Tags' failed to satisfy constraint", tag.Message);
        AuthenticationTests.AssertError(create, HttpStatusCode.BadRequest, "InvalidArgumentException");
    }

    [Fact]
    public async Task A_key_given_twice_in_TagResource_is_InvalidArgumentException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("twice");

        var response = await client.CallAsync("TagResource", JsonNode.Parse($$"""{"ResourceARN":"{{arn}}","Tags":[{"Key":"a","Value":"1"},{"Key":"a","Value":"2"}]}"""));

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("'a'", response.Message);
    }

    [Theory]
    [InlineData("TagResource", """{"ResourceARN":"ARN","Tags":[{"Key":"a","Value":"1"}]}""")]
    [InlineData("UntagResource", """{"ResourceARN":"ARN","TagKeyList":["a"]}""")]
    [InlineData("ListTagsForResource", """{"ResourceARN":"ARN"}""")]
    public async Task An_unknown_channel_is_ResourceNotFoundException_404(string operation, string input)
    {
        await using var server = await KvsLocalServer.StartAsync();

        var response = await new KvsTestClient(server.BaseUrl).CallAsync(operation, JsonNode.Parse(input.Replace("\"ARN\"", $"\"{AbsentArn}\"", StringComparison.Ordinal)));

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.Contains(AbsentArn, response.Message);
    }

    [Fact]
    public async Task A_NextToken_kvs_local_never_gave_is_InvalidArgumentException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("paged");

        var response = await client.CallAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn, ["NextToken"] = "bm9wZQ==" });

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
    }

    internal static JsonArray Tags(string prefix, int from, int count) =>
        new(Enumerable.Range(from, count).Select(i => (JsonNode)new JsonObject { ["Key"] = $"{prefix}{i}", ["Value"] = $"v{i}" }).ToArray());
}
