using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

public sealed class ChannelRoleTests
{
    /// <summary>Every place a role value can flow into; VALUE stands for the value.</summary>
    public static TheoryData<string> Places => new()
    {
        "ChannelRole role = VALUE;",
        "client.GetSignalingChannelEndpointAsync(arn, VALUE);",
        "client.GetSignalingChannelEndpointAsync(role: VALUE, channelArn: arn);",
        "ChannelRole.Parse(VALUE);",
        "ChannelRole Get() => VALUE;",
        "var changed = settings with { Role = VALUE };",
        "var settings2 = new Settings(VALUE, ChannelProtocol.Wss, arn);",
        "var roles = new ChannelRole[] { ChannelRole.Master, VALUE };",
        "ChannelRole[] roles = [ChannelRole.Master, VALUE];",
        "var roles = new List<ChannelRole> { VALUE };",
        "var c = new SingleMasterChannelEndpointConfiguration { Role = VALUE };",
        "config.Role = VALUE;",
        "AwsRole.FindValue(VALUE);",
        "new AwsRole(VALUE);",
        "AwsRole role = VALUE;",
        "Join(VALUE);",
        "Join(role: VALUE);",
        "JoinAll(\"MASTER\", VALUE);",
        "options.Role = VALUE;",
        "var o = new Options { Role = VALUE };",
        "options.RoleField = VALUE;",
        "PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Role\", VALUE);",
        "PowerShell.Create().AddCommand(\"get-kvssignalingchannelendpoint\").AddParameter(\"ChannelName\", \"c\").AddParameter(\"Role\", new[] { \"MASTER\", VALUE });",
        "PowerShell.Create().AddCommand(@\"KvsSignaling\\Get-KvsSignalingChannelEndpoint\").AddArgument(arn).AddParameter(\"role\", new string[] { VALUE });",
    };

    [Theory]
    [MemberData(nameof(Places))]
    public Task Reports_a_role_that_is_not_allowed(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(place, "[|\"MASTR\"|]"));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Accepts_an_allowed_role(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(place, "\"VIEWER\""));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Leaves_values_known_only_at_run_time_alone(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(place, "Runtime()"));

    /// <summary>Every form of constant: the diagnostic covers the whole constant expression at the place of use.</summary>
    [Theory]
    [InlineData("[|\"mastr\"|]")]
    [InlineData("[|Mas + \"TR\"|]")]
    [InlineData("[|$\"{Mas}TR\"|]")]
    [InlineData("([|\"MAS\" + \"TR\"|])")]
    [InlineData("flag ? \"MASTER\" : [|\"mastr\"|]")]
    public Task Reads_the_constant_value(string value) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod($"ChannelRole a = {value}; Join({value}); config.Role = {value};"));

    [Fact]
    public Task Reads_const_locals_and_fields()
    {
        var source = Sources.InMethod("""
            const string local = "Master";
            ChannelRole a = [|local|];
            Join([|Bad|]);
            }
            const string Bad = "viewer";
            void Unused() {
            """);
        return Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, source);
    }

    [Fact]
    public Task Reports_lower_case_with_the_canonical_value_and_an_unknown_role_without_a_suggestion() =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidChannelRole,
            Sources.InMethod("ChannelRole a = {|#0:\"master\"|}; config.Role = {|#1:\"OWNER\"|}; Join({|#2:\"\"|});"),
            Verify.Diagnostic(Descriptors.InvalidChannelRole).WithLocation(0).WithArguments("master", "; did you mean 'MASTER'?"),
            Verify.Diagnostic(Descriptors.InvalidChannelRole).WithLocation(1).WithArguments("OWNER", string.Empty),
            Verify.Diagnostic(Descriptors.InvalidChannelRole).WithLocation(2).WithArguments(string.Empty, string.Empty));

    [Theory]
    [InlineData("ChannelRole.TryParse(\"mastr\", out _);")]
    [InlineData("Plain(\"mastr\");")]
    [InlineData("string role = \"mastr\";")]
    [InlineData("ChannelRole none = null;")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannel\").AddParameter(\"Role\", \"mastr\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddStatement().AddCommand(\"Write-Output\").AddParameter(\"Role\", \"mastr\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddStatement().AddParameter(\"Role\", \"mastr\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter({|KVS1006:\"ClientId\"|}, \"mastr\");")]
    [InlineData("PowerShell.Create().AddParameter(\"Role\", \"mastr\");")]
    public Task Does_not_report_values_that_do_not_flow_into_a_role(string statement) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(statement));
}
