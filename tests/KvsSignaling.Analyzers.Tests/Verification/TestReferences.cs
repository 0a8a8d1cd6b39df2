using Microsoft.CodeAnalysis.Testing;

namespace KvsSignaling.Analyzers.Tests.Verification;

/// <summary>The one set of reference assemblies every analyzed test source compiles against.</summary>
internal static class TestReferences
{
    /// <summary>
    /// .NET 8 reference assemblies from Microsoft.NETCore.App.Ref 8.0.0, which the test project restores with a
    /// PackageDownload: the testing library finds the package in the NuGet global packages folder and does not
    /// go to the network.
    /// </summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;
}
