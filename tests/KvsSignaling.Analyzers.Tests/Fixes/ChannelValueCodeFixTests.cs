using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Fixes;

/// <summary>Each fix is checked on one diagnostic and, by the test library, with Fix All in document, project and solution.</summary>
public sealed class ChannelValueCodeFixTests
{
    [Theory]
    [InlineData("ChannelRole a = [|\"master\"|];", "ChannelRole a = \"MASTER\";")]
    [InlineData("config.Role = [|\"MASTR\"|];", "config.Role = \"MASTER\";")]
    [InlineData("Join([|\"VIEWERS\"|]);", "Join(\"VIEWER\");")]
    [InlineData("JoinAll([|\"viewer\"|], [|\"Master\"|]);", "JoinAll(\"VIEWER\", \"MASTER\");")]
    [InlineData("PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Role\", new[] { [|\"mastr\"|], [|\"viewr\"|] });", "PowerShell.Create().AddCommand(\"Get-KvsSignalingChannelEndpoint\").AddParameter(\"Role\", new[] { \"MASTER\", \"VIEWER\" });")]
    public Task Replaces_a_role_by_the_allowed_value(string statement, string fixedStatement) =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelRole, Sources.InMethod(statement), Sources.InMethod(fixedStatement), ChannelValueCodeFixProvider.UseAllowedValueKey);

    [Theory]
    [InlineData("config.Protocols = new List<string> { \"WSS\", [|\"HTTP\"|] };", "config.Protocols = new List<string> { \"WSS\", \"HTTPS\" };")]
    [InlineData("config.Protocols = [[|\"WS\"|], [|\"https\"|], [|\"WEBRT\"|]];", "config.Protocols = [\"WSS\", \"HTTPS\", \"WEBRTC\"];")]
    [InlineData("config.Protocols.Add([|\"wss\"|]);", "config.Protocols.Add(\"WSS\");")]
    [InlineData("ChannelProtocol p = [|\"webrtc\"|];", "ChannelProtocol p = \"WEBRTC\";")]
    [InlineData("Use( [|\"http\"|] /* why */ );", "Use( \"HTTPS\" /* why */ );")]
    public Task Replaces_a_protocol_by_the_allowed_value(string statement, string fixedStatement) =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelProtocol, Sources.InMethod(statement), Sources.InMethod(fixedStatement), ChannelValueCodeFixProvider.UseAllowedValueKey);

    [Theory]
    [InlineData("config.Role = [|\"master\"|];", "config.Role = AwsRole.MASTER;")]
    [InlineData("AwsProtocol p = {|KVS1002:\"HTTP\"|};", "AwsProtocol p = AwsProtocol.HTTPS;")]
    [InlineData("ChannelRole a = [|\"viewr\"|];", "ChannelRole a = ChannelRole.Viewer;")]
    [InlineData("var p = new ChannelProtocol[] { ChannelProtocol.Wss, {|KVS1002:\"webrtc\"|} };", "var p = new ChannelProtocol[] { ChannelProtocol.Wss, ChannelProtocol.WebRtc };")]
    [InlineData("client.GetSignalingChannelEndpointAsync(arn, [|\"Master\"|], [{|KVS1002:\"wss\"|}]);", "client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [ChannelProtocol.Wss]);")]
    public Task Offers_the_typed_member_where_the_value_converts_to_a_typed_class(string statement, string fixedStatement) =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelRole,
            Sources.InMethod(statement),
            Sources.InMethod(fixedStatement),
            ChannelValueCodeFixProvider.UseTypedMemberKey);

    [Fact]
    public Task Typed_member_fix_adds_the_namespace_when_the_type_is_not_imported()
    {
        const string source = """
            class C
            {
                Amazon.KinesisVideo.ChannelRole Role() => [|"MASTR"|];
            }
            """;
        const string fixedSource = """
            using Amazon.KinesisVideo;

            class C
            {
                Amazon.KinesisVideo.ChannelRole Role() => ChannelRole.MASTER;
            }
            """;
        return Verify.FixAsync<ChannelValueCodeFixProvider>(Descriptors.InvalidChannelRole, source, fixedSource, ChannelValueCodeFixProvider.UseTypedMemberKey);
    }

    [Theory]
    [InlineData("config.Protocols = new List<string> { {|KVS1002:\"HTTP\"|} };")]
    [InlineData("AwsRole.FindValue([|\"master\"|]);")]
    [InlineData("ChannelRole.Parse([|\"master\"|]);")]
    [InlineData("ChannelRole a = flag ? \"MASTER\" : [|\"viewr\"|];")]
    public Task Offers_no_typed_member_where_the_position_takes_a_string(string statement) =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelRole,
            Sources.InMethod(statement),
            Sources.InMethod(statement),
            ChannelValueCodeFixProvider.UseTypedMemberKey);

    [Theory]
    [InlineData("ChannelRole a = [|\"OWNER\"|];", "no allowed value is close")]
    [InlineData("ChannelRole a = [|Mas + \"TR\"|];", "the value is not a literal")]
    [InlineData("const string bad = \"mastr\"; ChannelRole a = [|bad|];", "the constant may be right elsewhere")]
    public Task Offers_no_fix_where_none_is_right(string statement, string because)
    {
        Assert.NotEmpty(because);
        return Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelRole, Sources.InMethod(statement), Sources.InMethod(statement), ChannelValueCodeFixProvider.UseAllowedValueKey);
    }

    [Fact]
    public Task Offers_no_fix_for_a_malformed_arn() =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.MalformedChannelArn,
            Sources.InMethod("ChannelArn a = [|\"arn:aws:kinesisvideo:us-west-2:1:channel/a\"|];"),
            Sources.InMethod("ChannelArn a = [|\"arn:aws:kinesisvideo:us-west-2:1:channel/a\"|];"),
            ChannelValueCodeFixProvider.UseAllowedValueKey);

    [Fact]
    public Task Fix_all_covers_every_document_of_the_project() =>
        Verify.FixAsync<ChannelValueCodeFixProvider>(
            Descriptors.InvalidChannelRole,
            [Sources.InMethod("config.Role = [|\"master\"|]; Join([|\"viewer\"|]);"), "class D { KvsSignaling.ChannelRole R = [|\"MASTR\"|]; }"],
            [Sources.InMethod("config.Role = \"MASTER\"; Join(\"VIEWER\");"), "class D { KvsSignaling.ChannelRole R = \"MASTER\"; }"],
            ChannelValueCodeFixProvider.UseAllowedValueKey);
}
