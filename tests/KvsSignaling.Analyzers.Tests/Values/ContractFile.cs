using System.Text.Json;

namespace KvsSignaling.Analyzers.Tests.Values;

/// <summary>Reads constraints from the service model in the repository's contract folder (src/Contract).</summary>
internal static class ContractFile
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static JsonElement Shape(string name) => Shape("kinesisvideo-2017-09-30.service.json", name);

    /// <summary>A shape of another model of the contract folder, such as the signaling data plane's.</summary>
    public static JsonElement Shape(string model, string name)
    {
        var path = Path.Combine(RepositoryRoot, "src", "Contract", model);
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
