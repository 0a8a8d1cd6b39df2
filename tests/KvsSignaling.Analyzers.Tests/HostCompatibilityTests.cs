using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace KvsSignaling.Analyzers.Tests;

/// <summary>
/// The analyzers and code fixes load into the compiler and IDE of the user, which carry their own Roslyn and its
/// dependencies. The oldest supported host is Roslyn 4.8 (Visual Studio 2022 17.8, the .NET 8 SDK's compiler and
/// dotnet format; docs/analyzers.md): an assembly reference newer than what it carries would fail to load there,
/// silently (no diagnostics, no fixes). These tests read the built assemblies' references and fail when one
/// outgrows that host.
/// </summary>
public sealed class HostCompatibilityTests
{
    /// <summary>
    /// The newest version of each assembly that Roslyn 4.8 hosts carry, by assembly name (a trailing '*' matches a
    /// prefix). A reference to an assembly not listed fails too: check what the oldest host carries, then add it.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Version Maximum)> OldestHost =
    [
        ("netstandard", new Version(2, 0, 0, 0)),
        ("Microsoft.CodeAnalysis*", new Version(4, 8, 0, 0)),
        ("System.Composition*", new Version(7, 0, 0, 0)),
        ("System.Collections.Immutable", new Version(7, 0, 0, 0)),
        ("System.Reflection.Metadata", new Version(7, 0, 0, 0)),
    ];

    private static readonly string[] AssemblyPaths =
    [
        typeof(ChannelValueAnalyzer).Assembly.Location,
        typeof(ChannelValueCodeFixProvider).Assembly.Location,
    ];

    public static TheoryData<string> Assemblies => [.. AssemblyPaths];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_reference_is_newer_than_the_oldest_supported_host_carries(string path)
    {
        var problems = new List<string>();
        foreach (var (name, version) in References(path))
        {
            var row = OldestHost.FirstOrDefault(entry => Matches(entry.Name, name));
            if (row.Name is null)
            {
                problems.Add($"{name} {version}: not in the table of what the oldest host carries");
            }
            else if (version > row.Maximum)
            {
                problems.Add($"{name} {version}: newer than {row.Maximum}, the newest the oldest host carries");
            }
        }

        Assert.True(problems.Count == 0, $"{Path.GetFileName(path)} references:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_check_sees_the_references_it_limits()
    {
        // Guards the check itself: both assemblies reference Roslyn, so a reader that found nothing would pass vacuously.
        foreach (var path in AssemblyPaths)
        {
            Assert.Contains(References(path), reference => reference.Name == "Microsoft.CodeAnalysis");
        }

        Assert.True(Matches("System.Composition*", "System.Composition.AttributedModel"));
        Assert.False(Matches("System.Collections.Immutable", "System.Collections.Immutable.Extra"));
    }

    [Fact]
    public void Help_links_and_the_package_share_the_repository_address()
    {
        // Both come from Directory.Build.props; the test project records the properties it was built with.
        var metadata = typeof(HostCompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(attribute => attribute.Key, attribute => attribute.Value, StringComparer.Ordinal);

        Assert.Equal(Descriptors.DocumentationRoot, metadata["KvsDocumentationRoot"]);
        Assert.StartsWith(metadata["KvsRepositoryUrl"] + "/", Descriptors.DocumentationRoot, StringComparison.Ordinal);
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);

    private static List<(string Name, Version Version)> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return [.. reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))];
    }
}
