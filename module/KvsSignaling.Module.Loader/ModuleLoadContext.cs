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
    private const string ModuleAssemblyName = "KvsSignaling.Module";
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

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Anything not shipped in the private folder (the runtime, System.Management.Automation)
        // comes from the default context, so PowerShell's own types stay the same types.
        string candidate = Path.Combine(privateFolder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
