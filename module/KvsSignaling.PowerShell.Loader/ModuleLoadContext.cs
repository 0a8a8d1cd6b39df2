using System.Reflection;
using System.Runtime.Loader;

namespace KvsSignaling.PowerShell.Loader;

/// <summary>
/// Loads the cmdlet assembly and everything it depends on (the core library, AWSSDK.Core, ...) from
/// the module's private folder into a load context of their own, so that another module holding a
/// different AWSSDK.Core in the same PowerShell session neither breaks nor is broken by this one.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private const string ModuleAssemblyName = "KvsSignaling.PowerShell";
    private const string PrivateFolderName = "private";

    private static readonly object Gate = new();
    private static ModuleLoadContext? instance;

    private readonly string privateFolder;
    private readonly Assembly moduleAssembly;

    private ModuleLoadContext(string privateFolder)
        : base("KvsSignaling", isCollectible: false)
    {
        this.privateFolder = privateFolder;
        moduleAssembly = LoadFromAssemblyPath(Path.Combine(privateFolder, ModuleAssemblyName + ".dll"));
    }

    /// <summary>
    /// Returns the cmdlet assembly, creating the load context on first use. Importing the module again
    /// in the same process reuses the context: an assembly cannot be loaded twice into one context.
    /// </summary>
    public static Assembly Initialize()
    {
        lock (Gate)
        {
            if (instance is null)
            {
                string loaderFolder = Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)!;
                instance = new ModuleLoadContext(Path.Combine(loaderFolder, PrivateFolderName));
            }

            return instance.moduleAssembly;
        }
    }

    /// <summary>
    /// Exports the cmdlets of the module that importing the cmdlet assembly returned (<paramref name="inner"/>) from the
    /// module being imported (<paramref name="outer"/>), both PSModuleInfo objects. Importing an assembly that an
    /// earlier import already loaded returns the cached module without exporting its cmdlets into the new one, so a
    /// second Import-Module -Force would otherwise expose nothing. Done here rather than in the script module: each
    /// reflection call made from PowerShell costs milliseconds of binding at import, this one microseconds.
    /// </summary>
    public static void ExportCmdlets(object inner, object outer)
    {
        var moduleType = outer.GetType();
        var add = moduleType.GetMethod("AddExportedCmdlet", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("PSModuleInfo.AddExportedCmdlet is missing: this PowerShell is not supported.");
        var cmdlets = (System.Collections.IDictionary)moduleType.GetProperty("ExportedCmdlets")!.GetValue(inner)!;
        foreach (var cmdlet in cmdlets.Values)
        {
            add.Invoke(outer, new[] { cmdlet });
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Anything not shipped in the private folder (the runtime, System.Management.Automation)
        // comes from the default context, so PowerShell's own types stay the same types.
        string candidate = Path.Combine(privateFolder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
