using System.Text.RegularExpressions;
using KvsSignaling.Analyzers.Analysis;

namespace KvsSignaling.Analyzers.Tests.Values;

/// <summary>
/// Holds the analyzer's table of Get-KvsSignalingChannelEndpoint's parameters (KVS1006) to the module's source, so
/// that a parameter added to the cmdlet or to every cmdlet is not reported as unknown.
/// </summary>
public sealed partial class CommandParametersTests
{
    private static readonly string[] Sources =
    [
        "module/KvsSignaling.PowerShell/Commands/GetKvsSignalingChannelEndpointCommand.cs",
        "module/KvsSignaling.PowerShell/Commands/KvsCmdlet.cs",
    ];

    [Fact]
    public void The_table_holds_the_parameters_and_aliases_the_module_declares()
    {
        var declared = ModuleParameters();

        Assert.NotEmpty(declared);
        Assert.Equal(
            declared.Select(Describe).Order(StringComparer.Ordinal),
            EndpointCommandParameters.CommandParameters.Select(names => Describe(names)).Order(StringComparer.Ordinal));
    }

    /// <summary>Each [Parameter] property of the sources: its name, then its aliases.</summary>
    private static List<string[]> ModuleParameters()
    {
        var parameters = new List<string[]>();
        foreach (var source in Sources)
        {
            var text = File.ReadAllText(Path.Combine(ContractFile.RepositoryRoot, source));
            foreach (Match match in ParameterProperty().Matches(text))
            {
                var aliases = AliasList().Match(match.Groups["attributes"].Value) is { Success: true } alias
                    ? alias.Groups["names"].Value.Split(',').Select(name => name.Trim().Trim('"'))
                    : [];
                parameters.Add([match.Groups["name"].Value, .. aliases]);
            }
        }

        return parameters;
    }

    private static string Describe(string[] names) => names[0] + " (" + string.Join(", ", names.Skip(1).Order(StringComparer.Ordinal)) + ")";

    [GeneratedRegex(@"\[Parameter[^\]]*\](?<attributes>(?:\s*\[[^\n]*\])*)\s*public [\w?\[\]]+ (?<name>\w+) \{ get; set; \}")]
    private static partial Regex ParameterProperty();

    [GeneratedRegex(@"\[Alias\((?<names>[^)]*)\)\]")]
    private static partial Regex AliasList();
}
