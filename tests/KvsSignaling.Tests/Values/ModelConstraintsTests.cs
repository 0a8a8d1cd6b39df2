using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Values;

/// <summary>The constraints compiled into the library are the ones in the contract's service model.</summary>
public sealed class ModelConstraintsTests
{
    [Theory]
    [InlineData("ResourceARN", KvsSignaling.Grammar.ChannelArnGrammar.Pattern, KvsSignaling.Grammar.ChannelArnGrammar.MinLength, KvsSignaling.Grammar.ChannelArnGrammar.MaxLength)]
    [InlineData("ChannelName", ModelConstraints.ChannelNamePattern, ModelConstraints.ChannelNameMin, ModelConstraints.ChannelNameMax)]
    [InlineData("Version", ModelConstraints.VersionPattern, ModelConstraints.VersionMin, ModelConstraints.VersionMax)]
    [InlineData("TagKey", ModelConstraints.TagKeyPattern, ModelConstraints.TagKeyMin, ModelConstraints.TagKeyMax)]
    [InlineData("TagValue", ModelConstraints.TagValuePattern, ModelConstraints.TagValueMin, ModelConstraints.TagValueMax)]
    public void String_shapes_match_the_model(string shape, string pattern, int min, int max)
    {
        var model = ContractShape.Of(shape);
        Assert.Equal(model.Pattern, pattern);
        Assert.Equal(model.Min, min);
        Assert.Equal(model.Max, max);
    }

    [Fact]
    public void Numeric_and_list_bounds_match_the_model()
    {
        Assert.Equal(ModelConstraints.MessageTtlSecondsMin, ContractShape.Of("MessageTtlSeconds").Min);
        Assert.Equal(ModelConstraints.MessageTtlSecondsMax, ContractShape.Of("MessageTtlSeconds").Max);
        Assert.Equal(ModelConstraints.ProtocolsMin, ContractShape.Of("ListOfProtocols").Min);
        Assert.Equal(ModelConstraints.ProtocolsMax, ContractShape.Of("ListOfProtocols").Max);
        Assert.Equal(ModelConstraints.TagsOnCreateMax, ContractShape.Of("TagOnCreateList").Max);
        Assert.Equal(ModelConstraints.TagListMin, ContractShape.Of("TagList").Min);
        Assert.Equal(ModelConstraints.TagListMax, ContractShape.Of("TagList").Max);
        Assert.Equal(ModelConstraints.TagKeyListMin, ContractShape.Of("TagKeyList").Min);
        Assert.Equal(ModelConstraints.TagKeyListMax, ContractShape.Of("TagKeyList").Max);
    }

    [Fact]
    public void Request_members_use_the_shapes_the_library_checks()
    {
        var input = Contract.Shape("GetSignalingChannelEndpointInput").GetProperty("members");
        Assert.Equal("ResourceARN", input.GetProperty("ChannelARN").GetProperty("shape").GetString());
        var configuration = Contract.Shape("SingleMasterChannelEndpointConfiguration").GetProperty("members");
        Assert.Equal("ListOfProtocols", configuration.GetProperty("Protocols").GetProperty("shape").GetString());
        Assert.Equal("ChannelRole", configuration.GetProperty("Role").GetProperty("shape").GetString());
        Assert.Equal("ChannelName", Contract.Shape("CreateSignalingChannelInput").GetProperty("members").GetProperty("ChannelName").GetProperty("shape").GetString());
        Assert.Equal("Version", Contract.Shape("UpdateSignalingChannelInput").GetProperty("members").GetProperty("CurrentVersion").GetProperty("shape").GetString());
    }
}
