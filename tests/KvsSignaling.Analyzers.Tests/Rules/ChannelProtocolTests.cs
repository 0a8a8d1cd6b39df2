using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

public sealed class ChannelProtocolTests
{
    /// <summary>Every place a protocol value can flow into; VALUE stands for the value.</summary>
    public static TheoryData<string> Places => new()
    {
        "ChannelProtocol protocol = VALUE;",
        "ChannelProtocol.Parse(VALUE);",
        "var protocols = new ChannelProtocol[] { ChannelProtocol.Wss, VALUE };",
        "var protocols = new[] { ChannelProtocol.Wss, VALUE };",
        "ChannelProtocol[] protocols = [ChannelProtocol.Wss, VALUE];",
        "IEnumerable<ChannelProtocol> protocols = [VALUE];",
        "var protocols = new List<ChannelProtocol> { ChannelProtocol.Wss, VALUE };",
        "client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, new ChannelProtocol[] { VALUE });",
        "client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [VALUE]);",
        "var changed = settings with { Protocol = VALUE };",
        "AwsProtocol protocol = VALUE;",
        "AwsProtocol.FindValue(VALUE);",
        "new AwsProtocol(VALUE);",
        "config.Protocols = new List<string> { \"WSS\", VALUE };",
        "config.Protocols = new List<string>(new[] { \"WSS\", VALUE });",
        "config.Protocols = [\"WSS\", VALUE];",
        "var c = new SingleMasterChannelEndpointConfiguration { Protocols = { VALUE } };",
        "var c = new SingleMasterChannelEndpointConfiguration { Protocols = new List<string> { VALUE }, Role = AwsRole.MASTER };",
        "var r = new GetSignalingChannelEndpointRequest { SingleMasterChannelEndpointConfiguration = new SingleMasterChannelEndpointConfiguration { Protocols = [VALUE] } };",
        "config.Protocols.Add(VALUE);",
        "config.Protocols.Insert(0, VALUE);",
        "config.Protocols.AddRange(new[] { VALUE });",
        "config.Protocols.AddRange([\"WSS\", VALUE]);",
        "Use(VALUE);",
        "Use(\"WSS\", VALUE);",
        "Use(new[] { VALUE });",
        "options.Protocol = VALUE;",
        "options.Protocols = new List<string> { VALUE };",
        "options.Protocols.Add(VALUE);",
        "PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Protocol\", VALUE);",
        "PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Protocol\", new[] { \"WSS\", VALUE });",
    };

    [Theory]
    [MemberData(nameof(Places))]
    public Task Reports_a_protocol_that_is_not_allowed(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelProtocol, Sources.InMethod(place, "[|\"HTTP\"|]"));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Accepts_an_allowed_protocol(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelProtocol, Sources.InMethod(place, "\"HTTPS\""));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Leaves_values_known_only_at_run_time_alone(string place) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelProtocol, Sources.InMethod(place, "Runtime()"));

    [Theory]
    [InlineData("[|\"wss\"|]")]
    [InlineData("[|Wss + \"S\"|]")]
    [InlineData("[|$\"{Wss}S\"|]")]
    [InlineData("flag ? \"WSS\" : [|\"webrtc\"|]")]
    public Task Reads_the_constant_value(string value) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelProtocol, Sources.InMethod($"ChannelProtocol a = {value}; Use({value}); config.Protocols.Add({value});"));

    [Fact]
    public Task Message_names_the_value_and_the_likely_meant_one() =>
        Verify.AnalyzeAsync(
            Descriptors.InvalidChannelProtocol,
            Sources.InMethod("Use({|#0:\"HTTP\"|}, {|#1:\"ws\"|}, {|#2:\"FTP\"|}, {|#3:\"WebRTC\"|});"),
            Verify.Diagnostic(Descriptors.InvalidChannelProtocol).WithLocation(0).WithArguments("HTTP", "; did you mean 'HTTPS'?"),
            Verify.Diagnostic(Descriptors.InvalidChannelProtocol).WithLocation(1).WithArguments("ws", "; did you mean 'WSS'?"),
            Verify.Diagnostic(Descriptors.InvalidChannelProtocol).WithLocation(2).WithArguments("FTP", string.Empty),
            Verify.Diagnostic(Descriptors.InvalidChannelProtocol).WithLocation(3).WithArguments("WebRTC", "; did you mean 'WEBRTC'?"));

    [Theory]
    [InlineData("var strings = new List<string> { \"HTTP\" };")]
    [InlineData("string[] strings = [\"HTTP\"];")]
    [InlineData("var strings = new List<string>(); strings.Add(\"HTTP\");")]
    [InlineData("Plain(\"HTTP\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter({|KVS1006:\"Protocols\"|}, \"HTTP\");")]
    public Task Does_not_report_values_that_do_not_flow_into_a_protocol(string statement) =>
        Verify.AnalyzeAsync(Descriptors.InvalidChannelProtocol, Sources.InMethod(statement));
}
