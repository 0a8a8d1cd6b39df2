using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Fixes;

/// <summary>Fixes of a value in a list or a choice: they fix that value and leave the rest as it was.</summary>
public sealed class ListFixTests
{
    [Theory]
    [InlineData("config.Protocols = new List<string> { \"WSS\", [|\"wss\"|] };", "config.Protocols = new List<string> { \"WSS\" };")]
    [InlineData("config.Protocols = new List<string> { [|\"wss\"|], \"WSS\" };", "config.Protocols = new List<string> { \"WSS\" };")]
    [InlineData("config.Protocols = [\"HTTPS\", [|\"Https\"|], \"WSS\"];", "config.Protocols = [\"HTTPS\", \"WSS\"];")]
    [InlineData("Use(\"WSS\", [|\"wss\"|]);", "Use(\"WSS\");")]
    public Task A_protocol_whose_fix_would_repeat_one_listed_is_removed(string source, string fixedSource) =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelProtocol,
            Sources.InMethod(source),
            Sources.InMethod(fixedSource),
            ChannelValueCodeFixProvider.UseAllowedValueKey);

    [Fact]
    public Task Two_spellings_of_one_protocol_become_one() =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelProtocol,
            Sources.InMethod("config.Protocols = new List<string> { [|\"wss\"|], [|\"Wss\"|], \"HTTPS\" };"),
            Sources.InMethod("config.Protocols = new List<string> { \"WSS\", \"HTTPS\" };"),
            ChannelValueCodeFixProvider.UseAllowedValueKey);

    [Theory]
    [InlineData("ChannelRole a = flag ? \"MASTER\" : [|\"master\"|];", "ChannelRole a = flag ? \"MASTER\" : \"MASTER\";")]
    [InlineData("config.Role = flag ? [|\"viewer\"|] : \"MASTER\";", "config.Role = flag ? \"VIEWER\" : \"MASTER\";")]
    [InlineData("Join(flag switch { true => \"MASTER\", _ => [|\"viewer\"|] });", "Join(flag switch { true => \"MASTER\", _ => \"VIEWER\" });")]
    [InlineData("string x = null; Join(x ?? [|\"master\"|]);", "string x = null; Join(x ?? \"MASTER\");")]
    public Task Fixes_only_the_bad_arm_of_a_choice(string source, string fixedSource) =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelRole,
            Sources.InMethod(source),
            Sources.InMethod(fixedSource),
            ChannelValueCodeFixProvider.UseAllowedValueKey);

    [Fact]
    public Task Fixes_a_marked_property_initializer_and_a_spread_element() =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelProtocol,
            Sources.InMethod("config.Protocols = [.. new[] { [|\"HTTP\"|] }]; config.Protocols[0] = [|\"wss\"|];"),
            Sources.InMethod("config.Protocols = [.. new[] { \"HTTPS\" }]; config.Protocols[0] = \"WSS\";"),
            ChannelValueCodeFixProvider.UseAllowedValueKey);
}
