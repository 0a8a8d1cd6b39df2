using KvsSignaling.Analyzers.Tests.Verification;
using KvsSignaling.Grammar;
using KvsSignaling.TestCases;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

public sealed class ClientIdTests
{
    private const string ValidArn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123";

    /// <summary>Every place a client id can flow into; VALUE stands for the value.</summary>
    public static TheoryData<string> Places => new()
    {
        "client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, VALUE);",
        "client.CreatePresignedConnectUrlAsync(arn, ChannelRole.Viewer, clientId: VALUE);",
        "client.CreatePresignedConnectUrlAsync(clientId: VALUE, role: ChannelRole.Viewer, channelArn: arn);",
        "client.GetIceServerConfigAsync(arn, VALUE);",
        "client.GetIceServerConfigAsync(arn, clientId: VALUE);",
        "client.ConnectAsync(arn, ChannelRole.Viewer, VALUE);",
        "client.GetIceServerConfigAsync(arn, flag ? \"viewer-1\" : VALUE);",
        "client.GetIceServerConfigAsync(arn, flag switch { true => \"viewer-1\", _ => VALUE });",
        "string x = null; client.GetIceServerConfigAsync(arn, x ?? VALUE);",
        $"var r = new GetIceServerConfigRequest {{ ChannelARN = \"{ValidArn}\", ClientId = VALUE }};",
        "new GetIceServerConfigRequest().ClientId = VALUE;",
        "var r = new GetIceServerConfigRequest(); r.ClientId = VALUE;",
        "var r = new GetIceServerConfigRequest(); (r.ClientId, var n) = (VALUE, 1);",
        "Connect(VALUE);",
        "Connect(clientId: VALUE);",
        "options.ClientId = VALUE;",
        "options.ClientIdField = VALUE;",
        "var o = new Options { ClientId = VALUE };",
        "(options.ClientId, var n) = (VALUE, 1);",
        "var connect = ([SignalingClientIdValue] string id) => { }; connect(VALUE);",
        "}\n[SignalingClientIdValue] string Id { get; set; } = VALUE;\nvoid Unused() {",
        "}\n[SignalingClientIdValue] string idField = VALUE;\nvoid Unused() {",
        "var v = new Viewer(VALUE); }\nrecord Viewer([property: SignalingClientIdValue] string Id);\nvoid Unused() {",
        "PowerShell.Create().AddCommand(\"Get-KvsSignalingPresignedUrl\").AddParameter(\"ChannelName\", \"c\").AddParameter(\"ClientId\", VALUE);",
        "PowerShell.Create().AddCommand(\"get-kvsiceserverconfig\").AddParameter(\"clientid\", VALUE);",
        "PowerShell.Create().AddCommand(@\"KvsSignaling\\Test-KvsSignalingChannel\").AddParameter(\"-ClientId\", VALUE);",
        "var ps = PowerShell.Create(); ps.AddCommand(\"Watch-KvsSignalingChannel\"); ps.AddParameter(\"ClientId\", VALUE);",
    };

    /// <summary>The client's interface, should the library declare one: its methods' clientId parameters are client ids.</summary>
    private const string ClientInterface = """

        namespace KvsSignaling
        {
            public interface IKvsSignalingClient
            {
                System.Threading.Tasks.Task ConnectAsync(ChannelArn channelArn, ChannelRole role, string clientId = null);
            }
        }
        """;

    [Theory]
    [MemberData(nameof(Places))]
    public Task Reports_an_invalid_client_id(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidClientId, Sources.InMethod(place, "[|\"has space\"|]"));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Accepts_a_valid_client_id(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidClientId, Sources.InMethod(place, "\"viewer-1\""));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Leaves_values_known_only_at_run_time_alone(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidClientId, Sources.InMethod(place, "Runtime()"));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Leaves_null_alone(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidClientId, Sources.InMethod(place, "null"));

    /// <summary>A parameter's default value must be a constant, so it has a place of its own.</summary>
    [Theory]
    [InlineData("[|\"AWS_viewer\"|]")]
    [InlineData("\"viewer-1\"")]
    [InlineData("null")]
    public Task Checks_the_default_value_of_a_marked_parameter(string value) =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidClientId,
            Sources.InMethod($"}}\nvoid WithDefault([SignalingClientIdValue] string id = {value}) {{ }}\nvoid Unused() {{"));

    [Fact]
    public Task Reports_a_client_id_passed_through_the_clients_interface() =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidClientId,
            Sources.InMethod("KvsSignaling.IKvsSignalingClient c = null; c.ConnectAsync(arn, ChannelRole.Viewer, [|\"AWS_viewer\"|]); c.ConnectAsync(arn, ChannelRole.Viewer, \"viewer-1\");") + ClientInterface);

    /// <summary>Every form of constant: the diagnostic covers the whole constant expression at the place of use.</summary>
    [Theory]
    [InlineData("[|\"AWS_\" + \"viewer\"|]")]
    [InlineData("[|Mas + \" \"|]")]
    [InlineData("[|$\"{Mas} 1\"|]")]
    [InlineData("([|\"viewer\" + \"/1\"|])")]
    [InlineData("[|Reserved|]")]
    public Task Reads_the_constant_value(string value) =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidClientId,
            Sources.InMethod($"const string Reserved = \"AWS_1\"; client.GetIceServerConfigAsync(arn, {value}); Connect({value}); options.ClientId = {value};"));

    public static TheoryData<int> Cases => [.. ClientIdCases.Indexes];

    /// <summary>The shared table (ClientIdCases), which the client's CheckClientId is held to as well.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reports_exactly_the_ids_the_client_refuses_and_names_the_constraint(int index)
    {
        var (id, problem) = ClientIdCases.All[index];
        var source = Sources.InMethod($"client.GetIceServerConfigAsync(arn, {{|#0:{Literal(id)}|}});");
        return problem is null
            ? Verify.AnalyzeAsync(Descriptors.InvalidClientId, source)
            : Verify.AnalyzeAsync(
                Descriptors.InvalidClientId,
                source,
                Verify.Diagnostic(Descriptors.InvalidClientId).WithLocation(0).WithArguments(Shown(id), problem));
    }

    [Fact]
    public Task Message_names_the_value_the_constraint_and_what_is_allowed() =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidClientId,
            Sources.InMethod("Connect({|#0:\"AWS_x\"|}); Connect({|#1:\"a\\nb\"|}); Connect({|#2:\"\"|});"),
            Verify.Diagnostic(Descriptors.InvalidClientId).WithLocation(0)
                .WithMessage("'AWS_x' is not a valid signaling client id: it starts with AWS_, which the service reserves (allowed: 1 to 256 characters of [a-zA-Z0-9_.-], not starting with AWS_)"),
            Verify.Diagnostic(Descriptors.InvalidClientId).WithLocation(1)
                .WithMessage("'a\\nb' is not a valid signaling client id: the character '\\n' (U+000A) at position 2 is not a letter, digit, '_', '.' or '-' (allowed: 1 to 256 characters of [a-zA-Z0-9_.-], not starting with AWS_)"),
            Verify.Diagnostic(Descriptors.InvalidClientId).WithLocation(2)
                .WithMessage("'' is not a valid signaling client id: it is empty (allowed: 1 to 256 characters of [a-zA-Z0-9_.-], not starting with AWS_)"));

    [Theory]
    [InlineData("Plain(\"has space\");")]
    [InlineData("string id = \"has space\";")]
    [InlineData("client.DescribeSignalingChannelByNameAsync(\"AWS_x\");")]
    [InlineData("var r = new GetIceServerConfigRequest { Username = \"has space\", Service = \"AWS_x\" };")]
    [InlineData("} static void Send(string clientId) { } void Unused() { Send(\"has space\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannel\").AddParameter(\"ClientId\", \"has space\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsIceServerConfig\").AddParameter(\"Client\", \"has space\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsIceServerConfig\").AddParameter(\"ChannelName\", \"has space\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsIceServerConfig\").AddStatement().AddParameter(\"ClientId\", \"has space\");")]
    [InlineData("PowerShell.Create().AddCommand(\"NotKvsSignaling-Get-KvsIceServerConfig\").AddParameter(\"ClientId\", \"has space\");")]
    [InlineData("PowerShell.Create().AddParameter(\"ClientId\", \"has space\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter({|KVS1006:\"ClientId\"|}, \"has space\");")]
    public Task Does_not_report_values_that_do_not_flow_into_a_client_id(string statement) =>
        Verify.AnalyzeAsync(Descriptors.InvalidClientId, Sources.InMethod(statement));

    /// <summary>A C# literal of the id in ASCII: a character outside it (even half a surrogate pair) written as an escape.</summary>
    private static string Literal(string id)
    {
        var literal = new System.Text.StringBuilder("\"");
        foreach (var c in id)
        {
            literal.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return literal.Append('"').ToString();
    }

    /// <summary>The value as the message shows it: at most 100 characters, on one line.</summary>
    private static string Shown(string id) => ChannelValueGrammar.Printable(id.Length <= 100 ? id : id[..97] + "...");
}
