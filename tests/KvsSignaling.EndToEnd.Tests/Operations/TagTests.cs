using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>A signaling channel's tags through the client against kvs-local: at creation, added, replaced, removed and listed.</summary>
public sealed class TagTests
{
    [Fact]
    public async Task Tags_given_at_creation_are_listed_and_tag_and_untag_change_them()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("tags"), tags: new Dictionary<string, string> { ["site"] = "hq" }, cancellationToken: guard.Token);

        Assert.Equal(new Dictionary<string, string> { ["site"] = "hq" }, await client.ListSignalingChannelTagsAsync(arn, guard.Token));

        await client.TagSignalingChannelAsync(arn, new Dictionary<string, string> { ["site"] = "branch", ["owner"] = "ops team", ["note"] = string.Empty }, guard.Token);
        Assert.Equal(
            new Dictionary<string, string> { ["site"] = "branch", ["owner"] = "ops team", ["note"] = string.Empty },
            await client.ListSignalingChannelTagsAsync(arn, guard.Token));

        await client.UntagSignalingChannelAsync(arn, new[] { "site", "never-set" }, guard.Token);
        Assert.Equal(
            new Dictionary<string, string> { ["owner"] = "ops team", ["note"] = string.Empty },
            await client.ListSignalingChannelTagsAsync(arn, guard.Token));
        Assert.Equal(1, server.Admin.GetRequestCount("TagResource"));
        Assert.Equal(1, server.Admin.GetRequestCount("UntagResource"));
        Assert.Equal(3, server.Admin.GetRequestCount("ListTagsForResource"));
    }

    [Fact]
    public async Task A_channel_without_tags_has_an_empty_map()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("bare"), cancellationToken: guard.Token);

        Assert.Empty(await client.ListSignalingChannelTagsAsync(arn, guard.Token));
    }

    [Fact]
    public async Task More_than_50_tags_on_a_channel_is_TagsPerResourceExceededLimitException_and_51_in_one_call_never_leaves()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("full"), tags: Tags("a", 40), cancellationToken: guard.Token);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.TagSignalingChannelAsync(arn, Tags("b", 11), guard.Token));
        Assert.Equal("TagsPerResourceExceededLimitException", error.ErrorCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(40, (await client.ListSignalingChannelTagsAsync(arn, guard.Token)).Count);

        await Assert.ThrowsAsync<ArgumentException>(() => client.TagSignalingChannelAsync(arn, Tags("c", 51), guard.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSignalingChannelAsync(Channels.UniqueName("over"), tags: Tags("c", 51), cancellationToken: guard.Token));
        Assert.Equal(1, server.Admin.GetRequestCount("TagResource"));
        Assert.Equal(1, server.Admin.GetRequestCount("CreateSignalingChannel"));
    }

    [Fact]
    public async Task Tags_of_a_deleted_channel_are_ResourceNotFound()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("gone"), cancellationToken: guard.Token);
        await client.DeleteSignalingChannelAsync(arn, cancellationToken: guard.Token);

        foreach (var call in new Func<Task>[]
        {
            () => client.ListSignalingChannelTagsAsync(arn, guard.Token),
            () => client.TagSignalingChannelAsync(arn, new Dictionary<string, string> { ["a"] = "1" }, guard.Token),
            () => client.UntagSignalingChannelAsync(arn, new[] { "a" }, guard.Token),
        })
        {
            Assert.Equal("ResourceNotFoundException", (await Assert.ThrowsAsync<KvsServiceException>(call)).ErrorCode);
        }
    }

    private static Dictionary<string, string> Tags(string prefix, int count) =>
        Enumerable.Range(0, count).ToDictionary(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
