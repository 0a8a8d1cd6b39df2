using System.Reflection;
using KvsSignaling.Analyzers.Tests.Values;
using Microsoft.CodeAnalysis;

namespace KvsSignaling.Analyzers.Tests;

public sealed class DescriptorTests
{
    public static TheoryData<string> Ids => [.. AllDescriptors().Select(descriptor => descriptor.Id)];

    [Fact]
    public void The_analyzer_supports_every_descriptor_and_ids_are_unique()
    {
        var declared = AllDescriptors().Select(descriptor => descriptor.Id).ToList();
        var supported = new ChannelValueAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).ToList();

        Assert.Equal(declared.Distinct().Count(), declared.Count);
        Assert.Equal(declared.Order(), supported.Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_at_a_rule_page_in_the_repository(string id)
    {
        var descriptor = Descriptor(id);
        Assert.StartsWith(Descriptors.DocumentationRoot, descriptor.HelpLinkUri, StringComparison.Ordinal);

        var relative = descriptor.HelpLinkUri[Descriptors.DocumentationRoot.Length..];
        var page = Path.Combine(ContractFile.RepositoryRoot, relative);
        Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} maps to {page}, which does not exist.");

        var text = File.ReadAllText(page);
        Assert.Contains($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_is_a_warning_by_default_and_listed_in_the_release_tracking_files(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);

        var analyzerDirectory = Path.Combine(ContractFile.RepositoryRoot, "analyzers", "KvsSignaling.Analyzers");
        var releases = File.ReadAllText(Path.Combine(analyzerDirectory, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(analyzerDirectory, "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | Warning |", releases, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_is_listed_in_the_analyzers_readme(string id)
    {
        var readme = File.ReadAllText(Path.Combine(ContractFile.RepositoryRoot, "docs", "analyzers.md"));
        Assert.Contains($"[{id}](rules/{id}.md)", readme, StringComparison.Ordinal);
    }

    private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors().Single(descriptor => descriptor.Id == id);

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
}
