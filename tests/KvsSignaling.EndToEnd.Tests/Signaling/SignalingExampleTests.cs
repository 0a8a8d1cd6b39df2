using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>The documented signaling example compiles, matches the documentation line for line, and works against kvs-local.</summary>
public sealed class SignalingExampleTests : IClassFixture<KvsLocalFixture>
{
    private readonly KvsLocalFixture _fixture;

    public SignalingExampleTests(KvsLocalFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_example_master_answers_the_example_viewer()
    {
        using var client = LocalClients.Create(_fixture.Server, o => o.EnableEndpointCache = true);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("example"), cancellationToken: guard.Token);

        var master = SignalingExample.AnswerOneOfferAsync(client, arn, guard.Token);
        var answer = await SignalingExample.OfferAsync(client, arn, guard.Token);
        await master;

        Assert.Equal("v=0 answer to viewer-1", answer);
    }

    [Theory]
    [InlineData("Signaling master", "docs/core.md")]
    [InlineData("Signaling viewer", "docs/core.md")]
    [InlineData("Signaling viewer", "src/KvsSignaling/PACKAGE.md")]
    public void The_documentation_shows_the_compiled_code(string region, string page)
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "KvsSignaling.EndToEnd.Tests", "Signaling", "SignalingExample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == $"// {region} start");
        var end = Array.FindIndex(source, l => l.Trim() == $"// {region} end");
        Assert.True(start >= 0 && end > start, $"markers of {region} not found");
        var compiled = source[(start + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var documentedLines = File.ReadAllText(Path.Combine(RepositoryRoot(), page)).Split('\n').Select(l => l.Trim()).ToList();
        var first = documentedLines.IndexOf(compiled[0]);
        Assert.True(first >= 0, $"{page} does not show '{compiled[0]}'");
        Assert.Equal(compiled, documentedLines.Skip(first).Where(l => l.Length > 0).Take(compiled.Count));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KvsPowerShell.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (holding KvsPowerShell.sln) was not found.");
    }
}
