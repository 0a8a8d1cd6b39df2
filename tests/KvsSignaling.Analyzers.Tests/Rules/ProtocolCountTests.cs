using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

public sealed class ProtocolCountTests
{
    private const string Six = "\"WSS\", \"HTTPS\", \"WEBRTC\", Runtime(), Runtime(), Runtime()";
    private const string Five = "\"WSS\", \"HTTPS\", \"WEBRTC\", Runtime(), Runtime()";

    [Theory]
    [InlineData("config.Protocols = [|new List<string> { }|];")]
    [InlineData("config.Protocols = [|[]|];")]
    [InlineData("config.Protocols = [|new List<string> { " + Six + " }|];")]
    [InlineData("config.Protocols = [|[" + Six + "]|];")]
    [InlineData("config.Protocols = [|new List<string>(new string[0])|];")]
    [InlineData("var c = new SingleMasterChannelEndpointConfiguration { Protocols = [|new List<string>(new[] { " + Six + " })|] };")]
    [InlineData("ChannelProtocol[] p = [|[]|];")]
    [InlineData("var p = [|new ChannelProtocol[0]|];")]
    [InlineData("var p = [|new ChannelProtocol[] { }|];")]
    [InlineData("var p = [|new List<ChannelProtocol> { ChannelProtocol.Wss, ChannelProtocol.Https, ChannelProtocol.WebRtc, Runtime(), Runtime(), Runtime() }|];")]
    [InlineData("client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [|[]|]);")]
    [InlineData("options.Protocols = [|new List<string>() { }|];")]
    [InlineData("Use([|new string[] { }|]);")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Protocol\", [|new string[0]|]);")]
    public Task Reports_a_list_of_known_size_out_of_range(string statement) =>
        Verify.AnalyzeAsync(Descriptors.ProtocolCountOutOfRange, Sources.InMethod(statement));

    [Theory]
    [InlineData("config.Protocols = new List<string> { \"WSS\" };")]
    [InlineData("config.Protocols = [" + Five + "];")]
    [InlineData("config.Protocols = new List<string>();")]
    [InlineData("config.Protocols = new List<string>(ExistingList());")]
    [InlineData("config.Protocols = [.. ExistingList()];")]
    [InlineData("var c = new SingleMasterChannelEndpointConfiguration { Protocols = { } };")]
    [InlineData("var p = new List<ChannelProtocol>();")]
    [InlineData("var p = new ChannelProtocol[Count()];")]
    [InlineData("ChannelProtocol[] p = [.. Existing()];")]
    [InlineData("var s = new string[0];")]
    public Task Leaves_lists_of_unknown_or_allowed_size_alone(string statement) =>
        Verify.AnalyzeAsync(
            Descriptors.ProtocolCountOutOfRange,
            Sources.InMethod(statement + " } static List<string> ExistingList() => null; static ChannelProtocol[] Existing() => null; static int Count() => 1; void Unused() {"));

    [Fact]
    public Task Message_gives_the_size() =>
        Verify.AnalyzeAsync(
            Descriptors.ProtocolCountOutOfRange,
            Sources.InMethod("config.Protocols = {|#0:[" + Six + "]|};"),
            Verify.Diagnostic(Descriptors.ProtocolCountOutOfRange).WithLocation(0).WithArguments(6));
}
