using System.Text.RegularExpressions;
using KvsSignaling.Analyzers.Values;

namespace KvsSignaling.Analyzers.Tests.Values;

/// <summary>Holds the analyzer's value rules to the service model.</summary>
public sealed class ContractConformanceTests
{
    public static TheoryData<string> Arns => new()
    {
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123",
        "arn:aws-cn:kinesisvideo:cn-north-1:1:channel/A_b.c-9/0",
        "arn:aws-us-gov:kinesisvideo:us-gov-west-1:123456789012:stream/s/1",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my channel/1",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/a/b/1",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/a/1/",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/a/1x",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/a/1:2",
        "arn:aws:kinesisvideo:us-west-2:12a:channel/a/1",
        "arn:a\\d:kinesisvideo:us-west-2:1:channel/a/1",
        "arn:aws:kinesisvideo:us_west_2:1:channel/a/1",
        "arn:aws:s3:us-west-2:1:channel/a/1",
        "arn:aws:kinesisvideo:us-west-2:1:channel/a/1 ",
        " arn:aws:kinesisvideo:us-west-2:1:channel/a/1",
        "arn:aws:kinesisvideo:us-west-2:1:channel1/a/1",
        "arn:aws:kinesisvideo:us-west-2:1:channel/é/1",
        "arn:::::",
        "",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/" + new string('a', 968) + "/1",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/" + new string('a', 969) + "/1",
    };

    [Theory]
    [MemberData(nameof(Arns))]
    public void Channel_arn_rules_agree_with_the_model_pattern_and_length(string arn)
    {
        var shape = ContractFile.Shape("ResourceARN");
        var pattern = new Regex("^(?:" + shape.GetProperty("pattern").GetString() + ")$", RegexOptions.CultureInvariant);
        var modelAccepts = arn.Length >= shape.GetProperty("min").GetInt32()
            && arn.Length <= shape.GetProperty("max").GetInt32()
            && pattern.IsMatch(arn);

        Assert.Equal(modelAccepts, ChannelArnRules.FindProblem(arn) is null);
    }

    [Theory]
    [InlineData("ChannelRole")]
    [InlineData("ChannelProtocol")]
    public void Allowed_values_are_the_model_enum(string shapeName)
    {
        var values = EnumeratedValues(shapeName);
        var modelValues = ContractFile.Shape(shapeName).GetProperty("enum").EnumerateArray().Select(value => value.GetString()!).ToList();

        Assert.All(modelValues, value => Assert.True(values.IsAllowed(value), value));
        Assert.All(modelValues, value => Assert.False(values.IsAllowed(value.ToLowerInvariant()), value.ToLowerInvariant()));
        Assert.False(values.IsAllowed(string.Join(string.Empty, modelValues)));
    }

    [Fact]
    public void Protocol_list_bounds_are_the_model_bounds()
    {
        var shape = ContractFile.Shape("ListOfProtocols");
        Assert.Equal(1, shape.GetProperty("min").GetInt32());
        Assert.Equal(5, shape.GetProperty("max").GetInt32());
    }

    private static EnumeratedValues EnumeratedValues(string shapeName) =>
        shapeName == "ChannelRole" ? Analyzers.Values.EnumeratedValues.Roles : Analyzers.Values.EnumeratedValues.Protocols;
}
