using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>Create, describe, update and delete through the client against kvs-local, each checked from the other side too.</summary>
public sealed class ChannelLifecycleTests
{
    [Fact]
    public async Task Create_then_describe_by_name_and_by_arn_returns_the_same_channel()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var name = Channels.UniqueName("life");

        var arn = await client.CreateSignalingChannelAsync(name, messageTtlSeconds: 42, cancellationToken: guard.Token);

        Assert.Equal(name, arn.ChannelName);
        Assert.Equal(LocalClients.Region, arn.Region);
        Assert.Equal("123456789012", arn.AccountId);
        Assert.Equal("channel", arn.ResourceType);
        var byName = await client.DescribeSignalingChannelByNameAsync(name, guard.Token);
        var byArn = await client.DescribeSignalingChannelAsync(arn, guard.Token);
        foreach (var info in new[] { byName, byArn })
        {
            Assert.Equal(name, info.ChannelName);
            Assert.Equal(arn, info.ChannelARN);
            Assert.Equal("SINGLE_MASTER", info.ChannelType);
            Assert.Equal("ACTIVE", info.ChannelStatus);
            Assert.Equal(42, info.MessageTtlSeconds);
            Assert.Equal(LocalClients.Region, info.Region);
            Assert.NotNull(info.CreationTime);
            Assert.Equal(arn.CreationTime, info.CreationTime!.Value.ToUnixTimeMilliseconds());
        }

        Assert.Equal(byName.Version, byArn.Version);
        Assert.Equal(1, server.Admin.GetRequestCount("CreateSignalingChannel"));
        Assert.Equal(2, server.Admin.GetRequestCount("DescribeSignalingChannel"));
    }

    [Fact]
    public async Task Creating_an_existing_name_is_ResourceInUse()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var name = Channels.UniqueName("dup");
        await client.CreateSignalingChannelAsync(name, cancellationToken: guard.Token);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.CreateSignalingChannelAsync(name, cancellationToken: guard.Token));

        Assert.Equal("ResourceInUseException", error.ErrorCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_with_the_current_version_changes_the_channel_and_a_stale_version_is_VersionMismatch()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("upd"), messageTtlSeconds: 60, cancellationToken: guard.Token);
        var before = await client.DescribeSignalingChannelAsync(arn, guard.Token);

        await client.UpdateSignalingChannelAsync(arn, before.Version, 90, guard.Token);
        var after = await client.DescribeSignalingChannelAsync(arn, guard.Token);

        Assert.Equal(90, after.MessageTtlSeconds);
        Assert.NotEqual(before.Version, after.Version);
        var stale = await Assert.ThrowsAsync<KvsServiceException>(() => client.UpdateSignalingChannelAsync(arn, before.Version, 30, guard.Token));
        Assert.Equal("VersionMismatchException", stale.ErrorCode);
        Assert.Equal(400, stale.StatusCode);
        Assert.Equal(1, stale.Attempts);
        Assert.NotNull(stale.RequestId);
        Assert.Contains(stale.RequestId!, stale.Message, StringComparison.Ordinal);
        Assert.Equal(90, (await client.DescribeSignalingChannelAsync(arn, guard.Token)).MessageTtlSeconds);
    }

    [Fact]
    public async Task Delete_with_a_stale_version_is_refused_and_with_the_current_version_removes_the_channel()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("del"), cancellationToken: guard.Token);
        var first = await client.DescribeSignalingChannelAsync(arn, guard.Token);
        await client.UpdateSignalingChannelAsync(arn, first.Version, 10, guard.Token);
        var current = await client.DescribeSignalingChannelAsync(arn, guard.Token);

        var stale = await Assert.ThrowsAsync<KvsServiceException>(() => client.DeleteSignalingChannelAsync(arn, first.Version, guard.Token));
        Assert.Equal("VersionMismatchException", stale.ErrorCode);
        await client.DeleteSignalingChannelAsync(arn, current.Version, guard.Token);

        var gone = await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(arn, guard.Token));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
        Assert.Equal(404, gone.StatusCode);
        var again = await Assert.ThrowsAsync<KvsServiceException>(() => client.DeleteSignalingChannelAsync(arn, cancellationToken: guard.Token));
        Assert.Equal("ResourceNotFoundException", again.ErrorCode);
    }

    [Fact]
    public async Task Delete_without_a_version_removes_whatever_version_is_current()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var name = Channels.UniqueName("delany");
        var arn = await client.CreateSignalingChannelAsync(name, cancellationToken: guard.Token);

        await client.DeleteSignalingChannelAsync(arn, cancellationToken: guard.Token);

        var gone = await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelByNameAsync(name, guard.Token));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
    }
}
