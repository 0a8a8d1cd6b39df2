using System.Text.Json.Nodes;
using KvsSignaling.Local.State;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.State;

/// <summary>Channels kept in a state file across restarts; an unusable file stops the start and is never overwritten.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kvs-local-state-");

    private string StatePath => Path.Combine(_folder.FullName, "state.json");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Channels_with_their_versions_settings_and_tags_survive_a_restart()
    {
        string arn;
        string version;
        await using (var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath }))
        {
            var client = new KvsTestClient(server.BaseUrl);
            arn = await client.CreateChannelAsync("kept");
            await client.CreateChannelAsync("deleted-later");
            var deleted = (await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "deleted-later" }))["ChannelInfo"]!["ChannelARN"]!;
            await client.CallOkAsync("DeleteSignalingChannel", new JsonObject { ["ChannelARN"] = (string)deleted! });
            version = (string)(await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!["Version"]!;
            await client.CallOkAsync("UpdateSignalingChannel", new JsonObject
            {
                ["ChannelARN"] = arn, ["CurrentVersion"] = version, ["SingleMasterConfiguration"] = new JsonObject { ["MessageTtlSeconds"] = 7 },
            });
            server.Admin.SetMediaIngestion(arn, true);
            await client.CallOkAsync("TagResource", JsonNode.Parse($$"""{"ResourceARN":"{{arn}}","Tags":[{"Key":"site","Value":"hq"},{"Key":"owner","Value":""}]}"""));
            version = (string)(await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn }))["ChannelInfo"]!["Version"]!;
        }

        await using var restarted = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath });
        var again = new KvsTestClient(restarted.BaseUrl);
        var list = (await again.CallOkAsync("ListSignalingChannels"))["ChannelInfoList"]!.AsArray();
        var info = Assert.Single(list)!;

        Assert.Equal(arn, (string)info["ChannelARN"]!);
        Assert.Equal(version, (string)info["Version"]!);
        Assert.Equal(7, (int)info["SingleMasterConfiguration"]!["MessageTtlSeconds"]!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await again.CallAsync("GetSignalingChannelEndpoint", Channels.EndpointTests.Request(arn, "MASTER", "WEBRTC"))).Status);
        Assert.Equal("""{"owner":"","site":"hq"}""", (await again.CallOkAsync("ListTagsForResource", new JsonObject { ["ResourceARN"] = arn }))["Tags"]!.ToJsonString());
        Assert.Empty(Directory.EnumerateFiles(_folder.FullName, "*.tmp"));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"FormatVersion\":1,\"Channels\":[{\"ChannelName\":")]
    [InlineData("{\"FormatVersion\":1}")]
    [InlineData("{\"FormatVersion\":2,\"Channels\":[]}")]
    [InlineData("")]
    public async Task An_unusable_state_file_stops_the_start_and_is_left_byte_for_byte(string content)
    {
        await File.WriteAllTextAsync(StatePath, content);
        var before = await File.ReadAllBytesAsync(StatePath);

        var error = await Assert.ThrowsAsync<StateFileException>(() => KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath }));

        Assert.Contains(StatePath, error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(StatePath));
    }

    [Fact]
    public async Task A_state_file_in_a_missing_folder_is_refused()
    {
        var path = Path.Combine(_folder.FullName, "absent", "state.json");

        var error = await Assert.ThrowsAsync<StateFileException>(() => KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = path }));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task Temporary_files_abandoned_by_a_killed_process_are_removed_and_the_state_kept()
    {
        await using (var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath }))
        {
            await new KvsTestClient(server.BaseUrl).CreateChannelAsync("survivor");
        }

        var abandoned = Path.Combine(_folder.FullName, ".state.json.0123456789abcdef.tmp");
        await File.WriteAllTextAsync(abandoned, "{\"FormatVersion\":1,\"Chan");

        await using var restarted = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath });

        Assert.False(File.Exists(abandoned));
        Assert.Single((await new KvsTestClient(restarted.BaseUrl).CallOkAsync("ListSignalingChannels"))["ChannelInfoList"]!.AsArray());
    }

    [Fact]
    public async Task Reset_empties_the_state_file_too()
    {
        await using (var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath }))
        {
            await new KvsTestClient(server.BaseUrl).CreateChannelAsync("forgotten");
            server.Admin.Reset();
        }

        await using var restarted = await KvsLocalServer.StartAsync(new KvsLocalOptions { StateFilePath = StatePath });
        Assert.Empty((await new KvsTestClient(restarted.BaseUrl).CallOkAsync("ListSignalingChannels"))["ChannelInfoList"]!.AsArray());
    }

    [Fact]
    public async Task Without_a_state_file_channels_live_in_memory_only()
    {
        await using (var server = await KvsLocalServer.StartAsync())
        {
            await new KvsTestClient(server.BaseUrl).CreateChannelAsync("ephemeral");
        }

        await using var fresh = await KvsLocalServer.StartAsync();
        Assert.Empty((await new KvsTestClient(fresh.BaseUrl).CallOkAsync("ListSignalingChannels"))["ChannelInfoList"]!.AsArray());
    }
}
