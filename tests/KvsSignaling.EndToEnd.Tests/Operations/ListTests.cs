using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Operations;

/// <summary>Listing follows every page: kvs-local pages at the service's default of 500, so 1,100 matching channels make three pages.</summary>
public sealed class ListTests
{
    private const int Matching = 1_100;
    private const int Others = 25;

    [Fact]
    public async Task Listing_with_a_prefix_follows_every_page_and_returns_only_matching_channels_once()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var expected = Enumerable.Range(0, Matching).Select(i => $"page-{i:D5}").ToList();
        var others = Enumerable.Range(0, Others).Select(i => $"other-{i:D3}").ToList();
        await CreateAllAsync(client, expected.Concat(others), guard.Token);
        var listsBefore = server.Admin.GetRequestCount("ListSignalingChannels");

        var listed = new List<SignalingChannelInfo>();
        await foreach (var channel in client.ListSignalingChannelsAsync("page-", guard.Token))
        {
            listed.Add(channel);
        }

        Assert.Equal(expected, listed.Select(c => c.ChannelName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(listed, c => Assert.Equal(c.ChannelName, c.ChannelARN.ChannelName));
        Assert.Equal(3, server.Admin.GetRequestCount("ListSignalingChannels") - listsBefore);

        var all = new List<string>();
        await foreach (var channel in client.ListSignalingChannelsAsync(cancellationToken: guard.Token))
        {
            all.Add(channel.ChannelName);
        }

        Assert.Equal(Matching + Others, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Matching + Others, all.Count);
    }

    [Fact]
    public async Task Listing_a_prefix_nothing_matches_is_empty_after_one_request()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        await client.CreateSignalingChannelAsync("present", cancellationToken: guard.Token);

        var listed = new List<SignalingChannelInfo>();
        await foreach (var channel in client.ListSignalingChannelsAsync("absent", guard.Token))
        {
            listed.Add(channel);
        }

        Assert.Empty(listed);
        Assert.Equal(1, server.Admin.GetRequestCount("ListSignalingChannels"));
    }

    private static async Task CreateAllAsync(KvsSignalingClient client, IEnumerable<string> names, CancellationToken token)
    {
        // A few creates in flight at once keep setup short on two cores.
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(names.Select(async name =>
        {
            await gate.WaitAsync(token);
            try
            {
                await client.CreateSignalingChannelAsync(name, cancellationToken: token);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
