using System.Text.RegularExpressions;
using KvsSignaling.Analyzers.Values;
using KvsSignaling.Grammar;

namespace KvsSignaling.Analyzers.Tests.Values;

/// <summary>Holds the analyzer's value rules to the service model.</summary>
public sealed class ContractConformanceTests
{
    public static TheoryData<string> Arns => new()
    {
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123",
        "arn:aws-cn:kinesisvideo:cn-north-1:1:channel/A_b.c-9/0",
        "arn:aws-us-gov:kinesisvideo:us-gov-west-1:123456789012:channel/s/1",
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
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/" + new string('a', 256) + "/1",
        "arn:aws:kinesisvideo:us-west-2:123456789012:channel/" + new string('a', 975) + "/1",
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

        Assert.Equal(modelAccepts, ChannelArnGrammar.FindProblem(arn) is null);
    }

    /// <summary>
    /// What the pattern allows and the service does not: a creation time beyond 64 bits, a region of another partition,
    /// a resource other than a channel, a channel name over the model's ChannelName length.
    /// </summary>
    [Theory]
    [InlineData("arn:aws-us-gov:kinesisvideo:us-gov-west-1:123456789012:stream/s/1")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:123456789012:channel/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/1")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c/99999999999999999999")]
    [InlineData("arn:aws:kinesisvideo:us-west-2:1:channel/c/9223372036854775808")]
    [InlineData("arn:aws:kinesisvideo:us-gov-west-1:1:channel/c/1")]
    [InlineData("arn:aws-us-gov:kinesisvideo:us-west-2:1:channel/c/1")]
    [InlineData("arn:awsx:kinesisvideo:us-west-2:1:channel/c/1")]
    public void Arns_the_pattern_allows_but_the_service_refuses_are_rejected(string arn)
    {
        var shape = ContractFile.Shape("ResourceARN");
        Assert.Matches("^(?:" + shape.GetProperty("pattern").GetString() + ")$", arn);
        Assert.NotNull(ChannelArnGrammar.FindProblem(arn));
    }

    [Fact]
    public void The_largest_creation_time_is_accepted() =>
        Assert.Null(ChannelArnGrammar.FindProblem("arn:aws:kinesisvideo:us-west-2:1:channel/c/9223372036854775807"));

    [Fact]
    public void Partitions_are_those_of_the_partition_file()
    {
        var path = Path.Combine(ContractFile.RepositoryRoot, "src", "Contract", "partitions.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var partitions = document.RootElement.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(
            partitions.Select(p => p.GetProperty("id").GetString()),
            ChannelArnGrammar.Partitions.Select(p => p.Id));
        foreach (var partition in partitions)
        {
            var grammar = ChannelArnGrammar.Partitions.Single(p => p.Id == partition.GetProperty("id").GetString());
            Assert.Equal(partition.GetProperty("regionRegex").GetString(), grammar.RegionRegex);
            var regions = partition.GetProperty("regions").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Equal(regions, grammar.Regions);
            Assert.All(regions, region => Assert.Null(ChannelArnGrammar.CheckPartition(grammar.Id, region)));
        }
    }

    [Fact]
    public void Channel_name_bounds_and_pattern_are_the_model_shape()
    {
        var shape = ContractFile.Shape("ChannelName");
        Assert.Equal(ChannelArnGrammar.ChannelNamePattern, shape.GetProperty("pattern").GetString());
        Assert.Equal(ChannelArnGrammar.ChannelNameMin, shape.GetProperty("min").GetInt32());
        Assert.Equal(ChannelArnGrammar.ChannelNameMax, shape.GetProperty("max").GetInt32());
        var arn = ContractFile.Shape("ResourceARN");
        Assert.Equal(ChannelArnGrammar.Pattern, arn.GetProperty("pattern").GetString());
        Assert.Equal(ChannelArnGrammar.MinLength, arn.GetProperty("min").GetInt32());
        Assert.Equal(ChannelArnGrammar.MaxLength, arn.GetProperty("max").GetInt32());
    }

    [Theory]
    [InlineData("ChannelRole")]
    [InlineData("ChannelProtocol")]
    public void Allowed_values_are_the_model_enum(string shapeName)
    {
        var values = EnumeratedValues(shapeName);
        var modelValues = ContractFile.Shape(shapeName).GetProperty("enum").EnumerateArray().Select(value => value.GetString()!).ToList();

        Assert.Equal(modelValues, values.Allowed);
        Assert.All(modelValues, value => Assert.True(values.IsAllowed(value), value));
        Assert.All(modelValues, value => Assert.False(values.IsAllowed(value.ToLowerInvariant()), value.ToLowerInvariant()));
        Assert.False(values.IsAllowed(string.Join(string.Empty, modelValues)));
    }

    [Fact]
    public void Protocol_list_bounds_are_the_model_bounds()
    {
        var shape = ContractFile.Shape("ListOfProtocols");
        Assert.Equal(ChannelValueGrammar.ProtocolsMin, shape.GetProperty("min").GetInt32());
        Assert.Equal(ChannelValueGrammar.ProtocolsMax, shape.GetProperty("max").GetInt32());
    }

    private const string SignalingModel = "kinesis-video-signaling-2019-12-04.service.json";

    [Fact]
    public void Client_id_bounds_and_pattern_are_the_model_shape()
    {
        var shape = ContractFile.Shape(SignalingModel, "ClientId");
        Assert.Equal(ClientIdGrammar.Pattern, shape.GetProperty("pattern").GetString());
        Assert.Equal(ClientIdGrammar.MinLength, shape.GetProperty("min").GetInt32());
        Assert.Equal(ClientIdGrammar.MaxLength, shape.GetProperty("max").GetInt32());
        var request = ContractFile.Shape(SignalingModel, "GetIceServerConfigRequest").GetProperty("members");
        Assert.Equal("ClientId", request.GetProperty("ClientId").GetProperty("shape").GetString());
    }

    public static TheoryData<int> ClientIds => [.. TestCases.ClientIdCases.Indexes];

    /// <summary>The grammar refuses what the model's ClientId shape refuses, and beyond it only the reserved prefix.</summary>
    [Theory]
    [MemberData(nameof(ClientIds))]
    public void Client_id_rules_agree_with_the_model_pattern_and_length(int index)
    {
        var (id, expected) = TestCases.ClientIdCases.All[index];
        var shape = ContractFile.Shape(SignalingModel, "ClientId");
        var pattern = new Regex("^(?:" + shape.GetProperty("pattern").GetString() + @")\z", RegexOptions.CultureInvariant | RegexOptions.ECMAScript);
        var modelAccepts = id.Length >= shape.GetProperty("min").GetInt32()
            && id.Length <= shape.GetProperty("max").GetInt32()
            && pattern.IsMatch(id);
        var problem = ClientIdGrammar.FindProblem(id);

        Assert.Equal(modelAccepts, problem is null || TestCases.ClientIdCases.IsReservedOnly(problem));
        Assert.Equal(id.StartsWith("AWS_", StringComparison.Ordinal) && modelAccepts, TestCases.ClientIdCases.IsReservedOnly(problem));
        Assert.Equal(expected, problem);
    }

    private static EnumeratedValues EnumeratedValues(string shapeName) =>
        shapeName == "ChannelRole" ? Analyzers.Values.EnumeratedValues.Roles : Analyzers.Values.EnumeratedValues.Protocols;
}
