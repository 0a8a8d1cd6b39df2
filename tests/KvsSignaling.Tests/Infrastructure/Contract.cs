using System.Text.Json;

namespace KvsSignaling.Tests.Infrastructure;

/// <summary>Loads the read-only contract files the tests hold the code to.</summary>
internal static class Contract
{
    private static readonly Lazy<string> Folder = new(Locate);
    private static readonly Lazy<JsonDocument> ServiceModel = new(() => Load("kinesisvideo-2017-09-30.service.json"));

    public static string Directory => Folder.Value;

    public static JsonElement Shapes => ServiceModel.Value.RootElement.GetProperty("shapes");

    public static JsonElement Operations => ServiceModel.Value.RootElement.GetProperty("operations");

    public static JsonElement Shape(string name) => Shapes.GetProperty(name);

    public static JsonDocument Load(string fileName) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, fileName)));

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KvsPowerShell.sln")))
            {
                var contract = Path.GetFullPath(Path.Combine(folder.FullName, "src", "Contract"));
                if (System.IO.Directory.Exists(contract))
                {
                    return contract;
                }
            }
        }

        throw new InvalidOperationException("The contract folder (src/Contract in the repository) was not found.");
    }
}
