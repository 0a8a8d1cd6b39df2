using System.Text.Json;

namespace KvsSignaling.Analyzers.Tests.Values;

/// <summary>Reads constraints from the service model in the repository's contract folder (src/Contract).</summary>
internal static class ContractFile
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static JsonElement Shape(string name)
    {
        var path = Path.Combine(RepositoryRoot, "src", "Contract", "kinesisvideo-2017-09-30.service.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("shapes").GetProperty(name).Clone();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KvsPowerShell.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KvsPowerShell.sln above {AppContext.BaseDirectory}.");
    }
}
