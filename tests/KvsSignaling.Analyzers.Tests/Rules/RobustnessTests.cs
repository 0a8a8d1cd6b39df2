using KvsSignaling.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

/// <summary>
/// Code being typed is full of errors: the analyzer must not throw (an exception would surface as AD0001).
/// Constants that survive the errors around them are still checked.
/// </summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("ChannelRole a = ;")]
    [InlineData("config.Role = ")]
    [InlineData("ChannelRole.Parse(")]
    [InlineData("ChannelRole.Parse();")]
    [InlineData("AwsRole.FindValue(\"a\", \"b\");")]
    [InlineData("new AwsRole();")]
    [InlineData("Join();")]
    [InlineData("Join(role: );")]
    [InlineData("Use(\"WSS\", );")]
    [InlineData("config.Protocols = new List<string> { \"WSS\", , };")]
    [InlineData("config.Protocols = [\"WSS\", ..];")]
    [InlineData("config.Protocols = new List<int> { 1 };")]
    [InlineData("config.Protocols.Add();")]
    [InlineData("config.Protocols.Insert(\"WSS\");")]
    [InlineData("config.Protocols.AddRange();")]
    [InlineData("Missing.Protocols.Add(\"HTTP\");")]
    [InlineData("var p = new ChannelProtocol[] { \"WSS\" {|KVS1003:\"WSS\"|} };")]
    [InlineData("var p = new ChannelProtocol[-1];")]
    [InlineData("var p = new ChannelProtocol[,] { { \"WSS\" } };")]
    [InlineData("PowerShell.Create().AddCommand().AddParameter(\"Role\", \"x\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Role\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Role\", );")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(, \"x\");")]
    [InlineData("new Unknown().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Role\", \"x\");")]
    [InlineData("var r = new GetSignalingChannelEndpointRequest { ChannelARN = };")]
    [InlineData("var r = new GetSignalingChannelEndpointRequest { ChannelARN = {|KVS1005:\"a\"|} \"b\" };")]
    [InlineData("settings with { Role = };")]
    [InlineData("ChannelRole a = [|\"unterminated;|]")]
    [InlineData("ChannelArn a = $\"{Missing}\";")]
    [InlineData("ChannelRole a = (ChannelRole)[|\"MASTR\"|];")]
    public Task Does_not_throw_on_incomplete_code(string statement)
    {
        var test = Verify.Create<EmptyCodeFixProvider>(Descriptors.InvalidChannelRole, Sources.InMethod(statement), Stub.All);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        return test.RunAsync();
    }
}
