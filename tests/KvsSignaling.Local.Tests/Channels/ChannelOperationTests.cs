using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Channels;

/// <summary>The signaling-channel operations, success and error paths, on a real loopback port.</summary>
public sealed class ChannelOperationTests
{
    private const string ArnPattern = @"^arn:aws:kinesisvideo:us-west-2:123456789012:channel/[a-zA-Z0-9_.-]+/[0-9]{13}$";

    [Fact]
    public async Task Create_then_describe_by_name_and_by_ARN_returns_the_channel()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var arn = await client.CreateChannelAsync("front-door");

        Assert.Matches(ArnPattern, arn);
        Assert.StartsWith("arn:aws:kinesisvideo:us-west-2:123456789012:channel/front-door/", arn);
        var byName = (await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "front-door" }))["ChannelInfo"]!;
        var byArn = (await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!;
        Assert.Equal(byName.ToJsonString(), byArn.ToJsonString());
        Assert.Equal(arn, (string)byName["ChannelARN"]!);
        Assert.Equal("front-door", (string)byName["ChannelName"]!);
        Assert.Equal("SINGLE_MASTER", (string)byName["ChannelType"]!);
        Assert.Equal("ACTIVE", (string)byName["ChannelStatus"]!);
        Assert.Equal(60, (int)byName["SingleMasterConfiguration"]!["MessageTtlSeconds"]!);
        Assert.Matches("^[a-zA-Z0-9]{1,64}$", (string)byName["Version"]!);
        var created = (double)byName["CreationTime"]!;
        Assert.InRange(created, (before / 1000.0) - 1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + 1);
        Assert.EndsWith("/" + ((long)Math.Round(created * 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture), arn);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_ResourceInUseException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        await client.CreateChannelAsync("twice");

        var again = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "twice" });

        AuthenticationTests.AssertError(again, HttpStatusCode.BadRequest, "ResourceInUseException");
        Assert.Contains("twice", again.Message);
    }

    [Fact]
    public async Task FULL_MESH_is_refused_because_the_service_offers_only_SINGLE_MASTER()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("CreateSignalingChannel",
            new JsonObject { ["ChannelName"] = "mesh", ["ChannelType"] = "FULL_MESH" });

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("FULL_MESH", response.Message);
    }

    [Fact]
    public async Task Duplicate_tag_keys_are_InvalidArgumentException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("CreateSignalingChannel", JsonNode.Parse(
            """{"ChannelName":"tagged","Tags":[{"Key":"a","Value":"1"},{"Key":"a","Value":"2"}]}"""));

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
    }

    [Fact]
    public async Task Describe_needs_a_name_or_an_ARN_and_answers_ResourceNotFoundException_404_for_an_absent_channel()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);

        AuthenticationTests.AssertError(await client.CallAsync("DescribeSignalingChannel", new JsonObject()), HttpStatusCode.BadRequest, "InvalidArgumentException");
        AuthenticationTests.AssertError(await client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "absent" }), HttpStatusCode.NotFound, "ResourceNotFoundException");
        AuthenticationTests.AssertError(
            await client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/absent/1" }),
            HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Describe_with_a_name_and_the_ARN_of_another_channel_is_InvalidArgumentException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("one");
        await client.CreateChannelAsync("two");

        var response = await client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "two", ["ChannelARN"] = arn });

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
    }

    [Fact]
    public async Task Update_with_the_current_version_applies_and_makes_a_new_version()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("ttl");
        var version = await VersionAsync(client, arn);

        var updated = await client.CallOkAsync("UpdateSignalingChannel", new JsonObject
        {
            ["ChannelARN"] = arn, ["CurrentVersion"] = version, ["SingleMasterConfiguration"] = new JsonObject { ["MessageTtlSeconds"] = 120 },
        });

        Assert.Empty(updated.AsObject());
        var info = (await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!;
        Assert.Equal(120, (int)info["SingleMasterConfiguration"]!["MessageTtlSeconds"]!);
        Assert.NotEqual(version, (string)info["Version"]!);
    }

    [Fact]
    public async Task Update_and_delete_with_a_stale_version_are_VersionMismatchException_and_change_nothing()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("versioned");
        var version = await VersionAsync(client, arn);

        var update = await client.CallAsync("UpdateSignalingChannel", new JsonObject
        {
            ["ChannelARN"] = arn, ["CurrentVersion"] = "stale", ["SingleMasterConfiguration"] = new JsonObject { ["MessageTtlSeconds"] = 5 },
        });
        var delete = await client.CallAsync("DeleteSignalingChannel", new JsonObject { ["ChannelARN"] = arn, ["CurrentVersion"] = "stale" });

        AuthenticationTests.AssertError(update, HttpStatusCode.BadRequest, "VersionMismatchException");
        AuthenticationTests.AssertError(delete, HttpStatusCode.BadRequest, "VersionMismatchException");
        Assert.Equal(version, await VersionAsync(client, arn));
    }

    [Fact]
    public async Task Delete_removes_the_channel_with_or_without_the_current_version()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var first = await client.CreateChannelAsync("first");
        var second = await client.CreateChannelAsync("second");

        await client.CallOkAsync("DeleteSignalingChannel", new JsonObject { ["ChannelARN"] = first, ["CurrentVersion"] = await VersionAsync(client, first) });
        await client.CallOkAsync("DeleteSignalingChannel", new JsonObject { ["ChannelARN"] = second });

        AuthenticationTests.AssertError(await client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = first }), HttpStatusCode.NotFound, "ResourceNotFoundException");
        AuthenticationTests.AssertError(await client.CallAsync("DeleteSignalingChannel", new JsonObject { ["ChannelARN"] = second }), HttpStatusCode.NotFound, "ResourceNotFoundException");
        AuthenticationTests.AssertError(
            await client.CallAsync("UpdateSignalingChannel", new JsonObject { ["ChannelARN"] = second, ["CurrentVersion"] = "x" }),
            HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task The_channel_limit_per_account_is_AccountChannelLimitExceededException()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { ChannelLimit = 2 });
        var client = new KvsTestClient(server.BaseUrl);
        await client.CreateChannelAsync("a");
        await client.CreateChannelAsync("b");

        var third = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "c" });

        AuthenticationTests.AssertError(third, HttpStatusCode.BadRequest, "AccountChannelLimitExceededException");
    }

    [Fact]
    public async Task List_pages_through_every_channel_in_name_order_without_repeats()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var names = new[] { "g", "b", "e", "a", "f", "c", "d" };
        foreach (var name in names)
        {
            await client.CreateChannelAsync(name);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var input = new JsonObject { ["MaxResults"] = 3 };
            if (token is not null)
            {
                input["NextToken"] = token;
            }

            var page = await client.CallOkAsync("ListSignalingChannels", input);
            var items = page["ChannelInfoList"]!.AsArray();
            Assert.InRange(items.Count, 1, 3);
            seen.AddRange(items.Select(i => (string)i!["ChannelName"]!));
            token = (string?)page["NextToken"];
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(names.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task List_filters_by_BEGINS_WITH()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        foreach (var name in new[] { "cam-1", "cam-2", "door-1", "camera" })
        {
            await client.CreateChannelAsync(name);
        }

        var page = await client.CallOkAsync("ListSignalingChannels", JsonNode.Parse(
            """{"ChannelNameCondition":{"ComparisonOperator":"BEGINS_WITH","ComparisonValue":"cam-"}}"""));

        Assert.Equal(["cam-1", "cam-2"], page["ChannelInfoList"]!.AsArray().Select(i => (string)i!["ChannelName"]!));
        Assert.Null(page["NextToken"]);
    }

    [Fact]
    public async Task A_NextToken_that_List_did_not_return_is_InvalidArgumentException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("ListSignalingChannels", new JsonObject { ["NextToken"] = "abc" });

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("NextToken", response.Message);
    }

    private static async Task<string> VersionAsync(KvsTestClient client, string arn) =>
        (string)(await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!["Version"]!;
}
