using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Fixes;

public sealed class DuplicateProtocolCodeFixTests
{
    [Theory]
    [InlineData("config.Protocols = new List<string> { \"WSS\", [|\"WSS\"|] };", "config.Protocols = new List<string> { \"WSS\" };")]
    [InlineData("config.Protocols = new List<string> { \"WSS\", [|\"WSS\"|], \"HTTPS\", [|\"WSS\"|], [|\"HTTPS\"|] };", "config.Protocols = new List<string> { \"WSS\", \"HTTPS\" };")]
    [InlineData("config.Protocols = [\"HTTPS\", [|\"HTTPS\"|], \"WSS\"];", "config.Protocols = [\"HTTPS\", \"WSS\"];")]
    [InlineData("var p = new[] { ChannelProtocol.Wss, [|\"WSS\"|] };", "var p = new[] { ChannelProtocol.Wss };")]
    [InlineData("Use(\"WSS\", [|\"WSS\"|]);", "Use(\"WSS\");")]
    [InlineData("var c = new SingleMasterChannelEndpointConfiguration { Protocols = { \"WSS\", [|\"WSS\"|] } };", "var c = new SingleMasterChannelEndpointConfiguration { Protocols = { \"WSS\" } };")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Protocol\", new[] { \"WSS\", [|\"WSS\"|] });", "PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Protocol\", new[] { \"WSS\" });")]
    public Task Removes_the_repeated_protocol(string statement, string fixedStatement) =>
        Verify.FixAsync<DuplicateProtocolCodeFixProvider>(
            Descriptors.DuplicateChannelProtocol, Sources.InMethod(statement), Sources.InMethod(fixedStatement), DuplicateProtocolCodeFixProvider.RemoveDuplicateKey);

    [Fact]
    public Task Removes_an_element_written_on_its_own_line()
    {
        var source = Sources.InMethod("""
            config.Protocols = new List<string>
            {
                "WSS",
                "HTTPS",
                [|"WSS"|],
            };
            """);
        var fixedSource = Sources.InMethod("""
            config.Protocols = new List<string>
            {
                "WSS",
                "HTTPS",
            };
            """);
        return Verify.FixAsync<DuplicateProtocolCodeFixProvider>(Descriptors.DuplicateChannelProtocol, source, fixedSource, DuplicateProtocolCodeFixProvider.RemoveDuplicateKey);
    }
}
