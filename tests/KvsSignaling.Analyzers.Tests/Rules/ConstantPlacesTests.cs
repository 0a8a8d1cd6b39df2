using KvsSignaling.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

/// <summary>Places a constant reaches that C# developers write and that the service rejects at run time.</summary>
public sealed class ConstantPlacesTests
{
    [Theory]
    [InlineData("ChannelRole r = flag switch { true => \"MASTER\", _ => [|\"viewer\"|] };")]
    [InlineData("Join(flag switch { true => \"MASTER\", _ => [|\"viewer\"|] });")]
    [InlineData("options.Role = (flag ? 0 : 1) switch { 0 => [|\"MASTR\"|], _ => \"VIEWER\" };")]
    [InlineData("string x = null; config.Role = x ?? [|\"master\"|];")]
    [InlineData("string x = null; Join(x ?? [|\"master\"|]);")]
    [InlineData("(options.Role, var n) = ([|\"master\"|], 1);")]
    [InlineData("int n; (n, options.RoleField) = (1, [|\"master\"|]);")]
    [InlineData("(config.Role, var n) = ([|\"master\"|], 1);")]
    [InlineData("var join = ([ChannelRoleValue] string role) => { }; join([|\"master\"|]);")]
    [InlineData("var join = ([ChannelRoleValue] string role, int n) => n; join([|\"master\"|], 1);")]
    public Task Reports_a_role_in_a_choice_a_deconstruction_or_a_lambda(string statements) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(statements));

    [Theory]
    [InlineData("var join = (string role) => { }; join(\"master\");")]
    [InlineData("(var a, var b) = (\"master\", 1);")]
    [InlineData("string x = null; var y = x ?? \"master\";")]
    public Task Leaves_unmarked_places_alone(string statements) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(statements));

    [Fact]
    public Task Reports_initializers_and_defaults_of_marked_members()
    {
        var source = Sources.InMethod("""
            }
            [ChannelRoleValue] string Role { get; set; } = [|"master"|];
            [ChannelRoleValue] string roleField = [|"Viewer"|];
            [ChannelRoleValue] string RoleOk { get; set; } = "MASTER";
            void WithDefault([ChannelRoleValue] string role = [|"mastr"|]) { }
            void Unused() {
            """);
        return Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, source);
    }

    [Fact]
    public Task Reports_values_of_record_properties_marked_through_their_positional_parameter()
    {
        var source = Sources.InMethod("""
            var a = new Peer([|"master"|], "VIEWER");
            var b = a with { Role = [|"viewer"|] };
            }
            record Peer([property: ChannelRoleValue] string Role, string Other = "x");
            record PeerWithDefault([property: ChannelRoleValue] string Role = [|"mastr"|]);
            void Unused() {
            """);
        return Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, source);
    }

    [Theory]
    [InlineData("config.Protocols = [.. new[] { [|\"HTTP\"|] }];")]
    [InlineData("config.Protocols = [\"WSS\", .. new List<string> { [|\"wss2\"|] }];")]
    [InlineData("config.Protocols[0] = [|\"HTTP\"|];")]
    [InlineData("options.Protocols[1] = [|\"http\"|];")]
    [InlineData("config.Protocols = new[] { \"WSS\", [|\"HTTP\"|] }.ToList();")]
    [InlineData("ChannelProtocol[] p = [ChannelProtocol.Wss, .. new[] { [|\"HTTP\"|] }];")]
    public Task Reports_a_protocol_spread_indexed_or_copied_into_a_list(string statements) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelProtocol, "using System.Linq;\n" + Sources.InMethod(statements));

    [Theory]
    [InlineData("var p = [|new ChannelProtocol[6]|];", 6)]
    [InlineData("Use([|new string[7]|]);", 7)]
    [InlineData("config.Protocols = [|[\"WSS\", .. new[] { Runtime(), Runtime(), Runtime(), Runtime(), Runtime() }]|];", 6)]
    public Task Counts_unset_and_spread_elements(string statements, int count)
    {
        var source = "using System.Linq;\n" + Sources.InMethod(statements.Replace("[|", "{|#0:").Replace("|]", "|}"));
        return Verify.AnalyzeAsync(
            Descriptors.ProtocolCountOutOfRange,
            source,
            Verify.Diagnostic(Descriptors.ProtocolCountOutOfRange).WithLocation(0).WithArguments(count));
    }

    [Theory]
    [InlineData("var p = new ChannelProtocol[5];")]
    [InlineData("config.Protocols = [\"WSS\", .. options.Protocols];")]
    public Task Does_not_count_lists_of_allowed_or_unknown_size(string statements) =>
        Verify.AnalyzeAsync(Descriptors.ProtocolCountOutOfRange, Sources.InMethod(statements));

    [Theory]
    [InlineData("var ps = PowerShell.Create(); ps.AddCommand(\"Get-KvsSignalingChannelEndpoint\"); ps.AddParameter(\"Role\", [|\"master\"|]);")]
    [InlineData("var ps = PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\"); ps.AddParameter(\"ChannelName\", \"c\").AddParameter(\"Role\", [|\"master\"|]);")]
    [InlineData("var ps = PowerShell.Create(); ps.AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Force\"); ps.AddParameter(\"Ro\", [|\"master\"|]);")]
    public Task Reports_parameters_added_in_a_later_statement(string statements) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(statements));

    [Theory]
    [InlineData("var ps = PowerShell.Create(); ps.AddCommand(\"Get-KvsSignalingChannelEndpoint\"); ps.AddStatement(); ps.AddParameter(\"Role\", \"master\");")]
    [InlineData("var ps = PowerShell.Create(); ps.AddCommand(\"Get-KvsSignalingChannelEndpoint\"); ps.AddCommand(\"Write-Output\"); ps.AddParameter(\"Role\", \"master\");")]
    [InlineData("var ps = PowerShell.Create(); ps.AddParameter(\"Role\", \"master\"); ps.AddCommand(\"Get-KvsSignalingChannelEndpoint\");")]
    [InlineData("var ps = PowerShell.Create(); var other = PowerShell.Create(); other.AddCommand(\"Get-KvsSignalingChannelEndpoint\"); ps.AddParameter(\"Role\", \"master\");")]
    public Task Leaves_parameters_of_other_commands_alone(string statements) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelRole, Sources.InMethod(statements));

    [Theory]
    [InlineData("Roles", "")]
    [InlineData("ChannelArns", "")]
    [InlineData("R", ": it could be any of ChannelARN, Role, Region")]
    [InlineData("Pro", ": it could be any of Protocol, ProfileName, ProfileLocation, ProgressAction")]
    public Task Reports_a_parameter_name_the_command_does_not_have(string name, string detail) =>
        Verify.AnalyzeAsync(
            Descriptors.UnknownCommandParameter,
            Sources.InMethod($"PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter({{|#0:\"{name}\"|}}, \"MASTER\");"),
            Verify.Diagnostic(Descriptors.UnknownCommandParameter).WithLocation(0).WithArguments(name, "Get-KvsSignalingChannelEndpoint", detail));

    [Theory]
    [InlineData("role")]
    [InlineData("Rol")]
    [InlineData("ARN")]
    [InlineData("Profile")]
    [InlineData("Name")]
    [InlineData("TimeoutSec")]
    [InlineData("MaxAttempts")]
    [InlineData("ProfileLocation")]
    [InlineData("StoredCredentials")]
    [InlineData("Profiles")]
    [InlineData("Verbose")]
    [InlineData("ea")]
    public Task Accepts_names_aliases_and_unique_prefixes(string name) =>
        Verify.AnalyzeAsync(
            Descriptors.UnknownCommandParameter,
            Sources.InMethod($"PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"{name}\", \"{(name == "ARN" ? "arn:aws:kinesisvideo:us-west-2:1:channel/c/1" : "MASTER")}\");"));

    [Fact]
    public Task Reports_a_malformed_arn_given_to_the_command() =>
        Verify.AnalyzeAsync(
            Descriptors.MalformedChannelArn,
            Sources.InMethod("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"ChannelARN\", new[] { [|\"arn:aws:kinesisvideo:us-west-2:1:channel/c/1/\"|] });"));

    [Theory]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c/99999999999999999999", "the creation time '99999999999999999999' is too large for a millisecond timestamp; allowed: at most 9223372036854775807")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c/1/", "an extra segment follows the creation time (a trailing '/')")]
    [InlineData("arn:aws:kinesisvideo:cn-north-1:1:channel/c/1", "the region 'cn-north-1' is not in the partition 'aws' (it is in 'aws-cn')")]
    [InlineData("arn:aws-cn:kinesisvideo:us-west-2:1:channel/c/1", "the region 'us-west-2' is not in the partition 'aws-cn' (it is in 'aws')")]
    [InlineData("arn:aws-xx:kinesisvideo:us-west-2:1:channel/c/1", "the partition 'aws-xx' is none of aws, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-us-gov")]
    public Task Arn_message_says_what_the_pattern_cannot(string arn, string problem) =>
        Verify.AnalyzeAsync(
            Descriptors.MalformedChannelArn,
            Sources.InMethod($"ChannelArn a = {{|#0:\"{arn}\"|}};"),
            Verify.Diagnostic(Descriptors.MalformedChannelArn).WithLocation(0).WithArguments(arn, problem));

    [Theory]
    [InlineData("\"MAS\\nTER\"", "MAS\\nTER")]
    [InlineData("\"MAS\\0TER\"", "MAS\\0TER")]
    [InlineData("\"MAS\\u001bTER\"", "MAS\\u001BTER")]
    [InlineData("\"MASTER\\r\\n\"", "MASTER\\r\\n")]
    public Task Message_shows_control_characters_escaped(string literal, string shown) =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidChannelRole,
            Sources.InMethod($"Join({{|#0:{literal}|}});"),
            Verify.Diagnostic(Descriptors.InvalidChannelRole).WithLocation(0).WithArguments(shown, "; did you mean 'MASTER'?"));

    [Fact]
    public Task Arn_message_shows_a_newline_escaped() =>
        Verify.AnalyzeAsync(
            Descriptors.MalformedChannelArn,
            Sources.InMethod("ChannelArn a = {|#0:\"arn:aws:kinesisvideo:us-west-2:1:channel/c\\n/1\"|};"),
            Verify.Diagnostic(Descriptors.MalformedChannelArn).WithLocation(0)
                .WithArguments("arn:aws:kinesisvideo:us-west-2:1:channel/c\\n/1", "the channel name 'c\\n' may hold only letters, digits, '_', '.' or '-'"));
}
