namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>Finds the contract folder: src/Contract in the repository root (the folder holding KvsPowerShell.sln).</summary>
internal static class ContractFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.GetFullPath(Path.Combine(RepositoryRoot, "src", "Contract"));

    public static string ServiceModel => Path.Combine(Directory, "kinesisvideo-2017-09-30.service.json");

    public static string SigV4TestSuite => Path.Combine(Directory, "sigv4-test-suite.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KvsPowerShell.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds KvsPowerShell.sln.");
    }
}
