using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Channels;

/// <summary>Concurrent requests on a real port: the same name created at once yields one channel.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Creating_one_name_from_16_requests_at_once_yields_one_channel_and_15_ResourceInUseException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, 16).Select(async _ =>
        {
            await start.WaitAsync();
            return await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "race" });
        }).ToList();
        start.Release(16);
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(15, responses.Count(r => r.ErrorType == "ResourceInUseException"));
        var list = await client.CallOkAsync("ListSignalingChannels");
        Assert.Single(list["ChannelInfoList"]!.AsArray());
    }

    [Fact]
    public async Task Concurrent_creates_of_different_names_all_succeed_and_all_persist()
    {
        var folder = Directory.CreateTempSubdirectory("kvs-local-concurrency-");
        try
        {
            var stateFile = Path.Combine(folder.FullName, "state.json");
            await using (var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = stateFile }))
            {
                var client = new KvsTestClient(server.BaseUrl);
                var arns = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.CreateChannelAsync($"parallel-{i}")));
                Assert.Equal(24, arns.Distinct().Count());
            }

            await using var restarted = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = stateFile });
            var listed = await new KvsTestClient(restarted.BaseUrl).CallOkAsync("ListSignalingChannels");
            Assert.Equal(24, listed["ChannelInfoList"]!.AsArray().Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
