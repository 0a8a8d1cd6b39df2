using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests;

/// <summary>The documented example compiles, matches the documentation line for line, and works.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_example_runs_against_a_local_endpoint()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://v-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com"), ("HTTPS", "https://r-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com")));
        var options = ReadmeExample.CreateOptions();
        options.EndpointUrl = server.Url;
        options.Credentials = new Amazon.Runtime.BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey);
        options.EnvironmentVariable = _ => null;

        var output = await ReadmeExample.RunAsync(options, CancellationToken.None);

        Assert.Equal("signal on wss://v-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com/, get ICE servers from https://r-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com/", output);
        Assert.Contains("\"Role\":\"VIEWER\"", server.Requests[0].BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README options", "docs/core.md")]
    [InlineData("README example", "docs/core.md")]
    [InlineData("README example", "README.md")]
    public void The_documentation_shows_the_compiled_code(string region, string page)
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "KvsSignaling.Tests", "ReadmeExample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == $"// {region} start");
        var end = Array.FindIndex(source, l => l.Trim() == $"// {region} end");
        Assert.True(start >= 0 && end > start, $"markers of {region} not found");
        var compiled = source[(start + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        var documentation = File.ReadAllText(Path.Combine(RepositoryRoot(), page));
        var documentedLines = documentation.Split('\n').Select(l => l.Trim()).ToList();
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
