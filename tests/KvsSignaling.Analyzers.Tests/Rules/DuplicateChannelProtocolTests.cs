using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

public sealed class DuplicateChannelProtocolTests
{
    /// <summary>Every protocol list written out in source (LIST stands for its elements), with repeated and with distinct elements.</summary>
    private static readonly (string Place, string Duplicated, string Distinct)[] Lists =
    [
        ("var p = new ChannelProtocol[] { LIST };", "\"WSS\", \"HTTPS\", [|\"WSS\"|]", "\"WSS\", \"HTTPS\""),
        ("var p = new[] { LIST };", "ChannelProtocol.Wss, ChannelProtocol.Https, [|ChannelProtocol.Wss|]", "ChannelProtocol.Wss, ChannelProtocol.Https"),
        ("ChannelProtocol[] p = [LIST];", "ChannelProtocol.Wss, [|\"WSS\"|]", "ChannelProtocol.Wss, \"HTTPS\""),
        ("var p = new List<ChannelProtocol> { LIST };", "ChannelProtocol.WebRtc, [|\"WEBRTC\"|]", "ChannelProtocol.WebRtc"),
        ("client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [LIST]);", "\"WSS\", [|\"WSS\"|]", "\"WSS\""),
        ("var p = new[] { AwsProtocol.WSS, LIST };", "[|\"WSS\"|]", "\"HTTPS\""),
        ("config.Protocols = new List<string> { LIST };", "\"WSS\", [|\"WSS\"|], [|\"WSS\"|]", "\"WSS\", \"HTTPS\""),
        ("config.Protocols = [LIST];", "\"HTTPS\", [|\"HTTPS\"|]", "\"HTTPS\", \"WSS\""),
        ("var c = new SingleMasterChannelEndpointConfiguration { Protocols = { LIST } };", "\"WSS\", [|\"WSS\"|]", "\"WSS\""),
        ("config.Protocols.AddRange(new[] { LIST });", "\"WSS\", [|\"WSS\"|]", "\"WSS\""),
        ("Use(LIST);", "\"WSS\", [|\"WSS\"|]", "\"WSS\", \"HTTPS\", \"WEBRTC\""),
        ("Use(new[] { LIST });", "Wss, [|\"WSS\"|]", "Wss"),
        ("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Protocol\", new[] { LIST });", "\"WSS\", [|\"WSS\"|]", "\"WSS\""),
    ];

    public static TheoryData<string> WithRepeatedProtocols => [.. Lists.Select(list => list.Place.Replace("LIST", list.Duplicated))];

    public static TheoryData<string> WithDistinctProtocols => [.. Lists.Select(list => list.Place.Replace("LIST", list.Distinct))];

    [Theory]
    [MemberData(nameof(WithRepeatedProtocols))]
    public Task Reports_each_repeated_protocol(string statement) =>
        Verify.AnalyzeAsync(Descriptors.DuplicateChannelProtocol, Sources.InMethod(statement));

    [Theory]
    [MemberData(nameof(WithDistinctProtocols))]
    public Task Accepts_distinct_protocols(string statement) =>
        Verify.AnalyzeAsync(Descriptors.DuplicateChannelProtocol, Sources.InMethod(statement));

    [Fact]
    public Task Message_names_the_repeated_protocol() =>
        Verify.AnalyzeAsync(
            Descriptors.DuplicateChannelProtocol,
            Sources.InMethod("Use(\"HTTPS\", {|#0:\"HTTPS\"|});"),
            Verify.Diagnostic(Descriptors.DuplicateChannelProtocol).WithLocation(0).WithArguments("HTTPS"));

    [Theory]
    [InlineData("Use({|KVS1002:\"HTTP\"|}, {|KVS1002:\"HTTP\"|});", "an invalid value is reported as invalid only")]
    [InlineData("Use(Runtime(), Runtime());", "values known at run time only")]
    [InlineData("var s = new[] { \"WSS\", \"WSS\" };", "a string array that is no protocol list")]
    [InlineData("config.Protocols.Add(\"WSS\"); config.Protocols.Add(\"WSS\");", "separate calls")]
    public Task Does_not_report(string statement, string because)
    {
        Assert.NotEmpty(because);
        return Verify.AnalyzeAsync(Descriptors.DuplicateChannelProtocol, Sources.InMethod(statement));
    }
}
