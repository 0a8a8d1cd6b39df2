using KvsSignaling.Analyzers.Tests.Verification;
using Verify = KvsSignaling.Analyzers.Tests.Verification.ChannelValueVerifier;

namespace KvsSignaling.Analyzers.Tests.Rules;

public sealed class ChannelArnTests
{
    private const string Valid = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123";

    /// <summary>Every place a channel ARN can flow into; VALUE stands for the value.</summary>
    public static TheoryData<string> Places => new()
    {
        "ChannelArn a = VALUE;",
        "ChannelArn.Parse(VALUE);",
        "client.GetSignalingChannelEndpointAsync(VALUE, ChannelRole.Master);",
        "client.GetSignalingChannelEndpointAsync(role: ChannelRole.Viewer, channelArn: VALUE);",
        "var changed = settings with { Arn = VALUE };",
        "var r = new GetSignalingChannelEndpointRequest { ChannelARN = VALUE };",
        "new DescribeSignalingChannelRequest().ChannelARN = VALUE;",
        "var r = new DeleteSignalingChannelRequest { CurrentVersion = \"1\", ChannelARN = VALUE };",
        "var r = new UpdateSignalingChannelRequest(); r.ChannelARN = VALUE;",
        "Open(VALUE);",
        "options.Arn = VALUE;",
        "var o = new Options { Arn = VALUE };",
    };

    [Theory]
    [MemberData(nameof(Places))]
    public Task Reports_a_malformed_arn(string place) =>
        Verify.AnalyzeAsync(Descriptors.MalformedChannelArn, Sources.InMethod(place, "[|\"arn:aws:kinesisvideo:us-west-2:123456789012:channel/my channel/1\"|]"));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Accepts_a_well_formed_arn(string place) =>
        Verify.AnalyzeAsync(Descriptors.MalformedChannelArn, Sources.InMethod(place, $"\"{Valid}\""));

    [Theory]
    [MemberData(nameof(Places))]
    public Task Leaves_values_known_only_at_run_time_alone(string place) =>
        Verify.AnalyzeAsync(Descriptors.MalformedChannelArn, Sources.InMethod(place, "Runtime()"));

    [Theory]
    [InlineData("", "the ARN is empty")]
    [InlineData("aws:kinesisvideo:us-west-2:123456789012:channel/c/1", "it must start with 'arn:'")]
    [InlineData("ARN:aws:kinesisvideo:us-west-2:123456789012:channel/c/1", "it must start with 'arn:'")]
    [InlineData("arn::kinesisvideo:us-west-2:123456789012:channel/c/1", "the partition is missing")]
    [InlineData("arn:AWS:kinesisvideo:us-west-2:123456789012:channel/c/1", "the partition 'AWS' must be lower-case letters, digits or '-'")]
    [InlineData("arn:aws:kinesis:us-west-2:123456789012:channel/c/1", "the service 'kinesis' must be 'kinesisvideo'")]
    [InlineData("arn:aws", "the service is missing")]
    [InlineData("arn:aws:kinesisvideo:US-WEST-2:123456789012:channel/c/1", "the region 'US-WEST-2' must be lower-case letters, digits or '-'")]
    [InlineData("arn:aws:kinesisvideo::123456789012:channel/c/1", "the region is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1234-5678:channel/c/1", "the account id '1234-5678' must be digits")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012", "the resource 'channel/<channel-name>/<creation-time>' is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:Channel/c/1", "the resource type 'Channel' must be lower-case letters, such as 'channel'")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:/c/1", "the resource type 'channel' is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel", "the channel name is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel//1", "the channel name is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel/a:b/1", "the channel name 'a:b' may hold only letters, digits, '_', '.' or '-'")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel/a/b/1", "the channel name 'a/b' may hold only letters, digits, '_', '.' or '-'")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel", "the creation time after the channel name is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/", "the creation time after the channel name is missing")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/12x", "the creation time '12x' must be digits")]
    public Task Message_says_which_part_is_wrong(string arn, string problem) =>
        Verify.AnalyzeAsync(
            Descriptors.MalformedChannelArn,
            Sources.InMethod($"ChannelArn a = {{|#0:\"{arn}\"|}};"),
            Verify.Diagnostic(Descriptors.MalformedChannelArn).WithLocation(0).WithArguments(arn, problem));

    [Fact]
    public Task Reports_an_arn_longer_than_the_model_allows_and_shortens_it_in_the_message()
    {
        var arn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/" + new string('a', 1000) + "/1";
        return Verify.AnalyzeAsync(
            Descriptors.MalformedChannelArn,
            Sources.InMethod($"ChannelArn a = {{|#0:\"{arn}\"|}};"),
            Verify.Diagnostic(Descriptors.MalformedChannelArn).WithLocation(0).WithArguments(arn[..97] + "...", $"the ARN is {arn.Length} characters long, more than 1024"));
    }

    [Theory]
    [InlineData("var s = new DescribeStreamRequest { StreamARN = \"not an arn\" };")]
    [InlineData("var r = new DescribeSignalingChannelRequest { ChannelName = \"not an arn\" };")]
    [InlineData("Plain(\"not an arn\");")]
    [InlineData("ChannelArn none = null;")]
    public Task Does_not_report_values_that_are_no_channel_arn(string statement) =>
        Verify.AnalyzeAsync(Descriptors.MalformedChannelArn, Sources.InMethod(statement));
}
