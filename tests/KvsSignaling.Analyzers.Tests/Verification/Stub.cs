using System.Reflection;

namespace KvsSignaling.Analyzers.Tests.Verification;

/// <summary>Source files declaring the shapes the analyzer recognises, in their real namespaces.</summary>
internal static class Stub
{
    public const string AwsSdk = "AwsSdk.cs";
    public const string KvsSignaling = "KvsSignaling.cs";
    public const string Markers = "Markers.cs";
    public const string PowerShell = "PowerShell.cs";

    public static readonly string[] All = [AwsSdk, KvsSignaling, Markers, PowerShell];

    public static string Source(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Stubs." + name)
            ?? throw new InvalidOperationException($"The stub {name} is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
