namespace KvsSignaling.Tests.Values;

/// <summary>
/// Channel ARNs: valid exactly when the model's ResourceARN length and pattern say so (whole value) and the
/// resource is a channel whose name fits the model's ChannelName length (the pattern lets streams and longer names through).
/// </summary>
public sealed class ChannelArnTests
{
    private const string Valid = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123";

    public static TheoryData<string, string> Candidates()
    {
        var data = new TheoryData<string, string>
        {
            { Valid, "valid" },
            { "arn:aws-cn:kinesisvideo:cn-north-1:1:channel/a/0", "short parts" },
            { "arn:aws-us-gov:kinesisvideo:us-gov-west-1:123456789012:channel/A.b_c-D/1", "every name character" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:stream/my-stream/1234567890123", "other resource type" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/", "missing creation time" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel", "missing creation part" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel//1234567890123", "empty name" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my channel/1234567890123", "space in name" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my/channel/1234567890123", "slash in name" },
            { "arn:aws:kinesisvideo:us-west-2:12345678901a:channel/my-channel/1234567890123", "letter in account" },
            { "arn:aws:kinesisvideo:us-west-2::channel/my-channel/1234567890123", "empty account" },
            { "arn:aws:kinesisvideo:US-WEST-2:123456789012:channel/my-channel/1234567890123", "upper-case region" },
            { "arn:aws:kinesisvideo::123456789012:channel/my-channel/1234567890123", "empty region" },
            { "arn:AWS:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123", "upper-case partition" },
            { "arn:aws:kinesis:us-west-2:123456789012:channel/my-channel/1234567890123", "wrong service" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:Channel/my-channel/1234567890123", "upper-case type" },
            { "ARN:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123", "upper-case arn" },
            { "xarn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123", "prefix" },
            { Valid + "x", "suffix" },
            { Valid + "\n", "trailing newline" },
            { " " + Valid, "leading space" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/12345٣", "non-ASCII digit" },
            { "arn:aws:kinesisvideo:us-west-2:١٢٣:channel/my-channel/1", "non-ASCII account digits" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1:2", "extra colon" },
            { "arn:aws:kinesisvideo:us-west-2:123456789012", "too few parts" },
            { string.Empty, "empty" },
            { "arn", "just arn" },
        };

        var prefix = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/";
        var max = ContractShape.Of("ResourceARN").Max;
        data.Add(prefix + new string('n', max - prefix.Length - 2) + "/1", "exactly the maximum length (a name over the ChannelName length)");
        data.Add(prefix + new string('n', max - prefix.Length - 1) + "/1", "one over the maximum length");
        var nameMax = ContractShape.Of("ChannelName").Max;
        data.Add(prefix + new string('n', nameMax) + "/1", "a name of exactly the ChannelName maximum");
        data.Add(prefix + new string('n', nameMax + 1) + "/1", "a name one over the ChannelName maximum");
        return data;
    }

    [Theory]
    [MemberData(nameof(Candidates))]
    public void Parse_agrees_with_the_model(string value, string description)
    {
        var allowed = ContractShape.Of("ResourceARN").Allows(value) && IsChannelWithModelName(value);
        Assert.Equal(allowed, ChannelArn.TryParse(value, out var arn));
        if (allowed)
        {
            Assert.Equal(value, arn!.Value);
            Assert.Equal(value, ChannelArn.Parse(value).ToString());
        }
        else
        {
            var error = Assert.ThrowsAny<ArgumentException>(() => ChannelArn.Parse(value));
            Assert.Contains(value.Length > 200 ? value[..200] : value, error.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(description));
        }
    }

    private static bool IsChannelWithModelName(string value)
    {
        var resource = value.Split(':')[5].Split('/');
        return resource[0] == "channel" && resource[1].Length <= ContractShape.Of("ChannelName").Max;
    }

    [Fact]
    public void Parts_are_exposed()
    {
        var arn = ChannelArn.Parse("arn:aws-cn:kinesisvideo:cn-north-1:123456789012:channel/demo.channel_1/1700000000123");
        Assert.Equal("aws-cn", arn.Partition);
        Assert.Equal("cn-north-1", arn.Region);
        Assert.Equal("123456789012", arn.AccountId);
        Assert.Equal("channel", arn.ResourceType);
        Assert.Equal("demo.channel_1", arn.ChannelName);
        Assert.Equal(1700000000123L, arn.CreationTime);
    }

    [Theory]
    [InlineData("arn:aws:kinesisvideo:us-west-2:12a:channel/c/1", "account id '12a'")]
    [InlineData("arn:aws:kinesisvideo:US:1:channel/c/1", "region 'US'")]
    [InlineData("arn:aws:s3:us-west-2:1:channel/c/1", "service 's3'")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c d/1", "channel name 'c d'")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c/x", "creation time 'x'")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c/99999999999999999999", "too large")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c", "creation time after the channel name is missing")]
    [InlineData("urn:aws:kinesisvideo:us-west-2:1:channel/c/1", "start with 'arn:'")]
    [InlineData("arn:a_b:kinesisvideo:us-west-2:1:channel/c/1", "partition 'a_b'")]
    public void Errors_say_which_part_is_wrong(string value, string part)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ChannelArn.Parse(value));
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_creation_time_beyond_a_64_bit_number_is_rejected_although_the_pattern_allows_it()
    {
        const string value = "arn:aws:kinesisvideo:us-west-2:1:channel/c/99999999999999999999";
        Assert.True(ContractShape.Of("ResourceARN").Allows(value));
        Assert.False(ChannelArn.TryParse(value, out _));
    }

    [Fact]
    public void Null_and_conversions()
    {
        Assert.False(ChannelArn.TryParse(null, out var none));
        Assert.Null(none);
        Assert.ThrowsAny<ArgumentException>(() => ChannelArn.Parse(null!));
        ChannelArn converted = Valid;
        Assert.Equal(ChannelArn.Parse(Valid), converted);
        Assert.True(converted == ChannelArn.Parse(Valid));
        Assert.False(converted != ChannelArn.Parse(Valid));
        Assert.Equal(converted.GetHashCode(), ChannelArn.Parse(Valid).GetHashCode());
    }
}
