namespace KvsSignaling.Tests.Values;

/// <summary>The other input shapes the client checks before sending: names, versions, TTLs, tags and protocol lists.</summary>
public sealed class InputShapeTests
{
    public static TheoryData<string> NameCandidates()
    {
        var max = ContractShape.Of("ChannelName").Max;
        return new TheoryData<string>
        {
            "a", "my-channel", "A.b_c-9", new string('x', max), new string('x', max + 1), string.Empty, "has space", "slash/name",
            "colon:name", "ünïcode", "name\n", "tab\tname", "star*", "12345",
        };
    }

    public static TheoryData<string> VersionCandidates()
    {
        var max = ContractShape.Of("Version").Max;
        return new TheoryData<string> { "1", "abcDEF123", new string('v', max), new string('v', max + 1), string.Empty, "v-1", "v.1", "v 1", "v\n" };
    }

    public static TheoryData<string> TagKeyCandidates()
    {
        var max = ContractShape.Of("TagKey").Max;
        return new TheoryData<string> { "env", "a b", "x:y/z=+-@_.", "ünï", new string('k', max), new string('k', max + 1), string.Empty, "bad*", "bad#", "line\nbreak" };
    }

    public static TheoryData<string> TagValueCandidates()
    {
        var max = ContractShape.Of("TagValue").Max;
        return new TheoryData<string> { string.Empty, "prod", "a b", "x:y/z=+-@_.", new string('v', max), new string('v', max + 1), "bad*", "bad\n" };
    }

    [Theory]
    [MemberData(nameof(NameCandidates))]
    public void Channel_names_follow_the_model(string name)
    {
        var allowed = ContractShape.Of("ChannelName").Allows(name);
        var error = Record.Exception(() => KvsSignalingClient.CheckChannelName(name, "channelName"));
        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            var argument = Assert.IsAssignableFrom<ArgumentException>(error);
            Assert.Equal("channelName", argument.ParamName);
            Assert.Contains(name.Length > 200 ? name[..200] : name, argument.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(VersionCandidates))]
    public void Versions_follow_the_model(string version)
    {
        var allowed = ContractShape.Of("Version").Allows(version);
        Assert.Equal(allowed, Record.Exception(() => KvsSignalingClient.CheckVersion(version, "currentVersion")) is null);
    }

    [Theory]
    [MemberData(nameof(TagKeyCandidates))]
    public void Tag_keys_follow_the_model(string key)
    {
        var allowed = ContractShape.Of("TagKey").Allows(key);
        Assert.Equal(allowed, Record.Exception(() => KvsSignalingClient.CheckTags(new[] { new KeyValuePair<string, string>(key, "v") }, "tags")) is null);
    }

    [Theory]
    [MemberData(nameof(TagValueCandidates))]
    public void Tag_values_follow_the_model(string value)
    {
        var allowed = ContractShape.Of("TagValue").Allows(value);
        Assert.Equal(allowed, Record.Exception(() => KvsSignalingClient.CheckTags(new[] { new KeyValuePair<string, string>("k", value) }, "tags")) is null);
    }

    [Fact]
    public void Tag_count_follows_the_model()
    {
        var max = ContractShape.Of("TagOnCreateList").Max;
        var tags = Enumerable.Range(0, max + 1).Select(i => new KeyValuePair<string, string>("k" + i, "v")).ToList();
        Assert.Equal(max, KvsSignalingClient.CheckTags(tags.Take(max), "tags").Count);
        var error = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckTags(tags, "tags"));
        Assert.Contains((max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_ttl_follows_the_model()
    {
        var shape = ContractShape.Of("MessageTtlSeconds");
        foreach (var ttl in new[] { shape.Min - 1, shape.Min, shape.Min + 1, shape.Max - 1, shape.Max, shape.Max + 1, 0, -1, int.MaxValue })
        {
            var allowed = ttl >= shape.Min && ttl <= shape.Max;
            var error = Record.Exception(() => KvsSignalingClient.CheckMessageTtl(ttl, "messageTtlSeconds"));
            Assert.Equal(allowed, error is null);
            if (!allowed)
            {
                Assert.Contains($"{shape.Min}..{shape.Max}", error!.Message, StringComparison.Ordinal);
            }
        }

        KvsSignalingClient.CheckMessageTtl(null, "messageTtlSeconds");
    }

    [Fact]
    public void Protocol_lists_follow_the_model()
    {
        var shape = ContractShape.Of("ListOfProtocols");
        Assert.Equal(KvsSignalingClient.DefaultProtocols, KvsSignalingClient.CheckProtocols(null, "protocols"));
        Assert.Equal(new[] { ChannelProtocol.WebRtc }, KvsSignalingClient.CheckProtocols(new[] { ChannelProtocol.WebRtc }, "protocols"));
        Assert.Equal(3, KvsSignalingClient.CheckProtocols(ChannelProtocol.All, "protocols").Count);

        var empty = Assert.Throws<ArgumentOutOfRangeException>(() => KvsSignalingClient.CheckProtocols(Array.Empty<ChannelProtocol>(), "protocols"));
        Assert.Contains($"{shape.Min}..{shape.Max}", empty.Message, StringComparison.Ordinal);

        var duplicate = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckProtocols(new[] { ChannelProtocol.Wss, "wss" }, "protocols"));
        Assert.Contains("'WSS'", duplicate.Message, StringComparison.Ordinal);

        var unset = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckProtocols(new[] { default(ChannelProtocol) }, "protocols"));
        Assert.Contains("WSS, HTTPS, WEBRTC", unset.Message, StringComparison.Ordinal);

        // Five entries is the model's maximum, but with three distinct values any five repeat one.
        Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckProtocols(Enumerable.Repeat(ChannelProtocol.Https, shape.Max), "protocols"));

        // More than the maximum is refused for its count, before its repeats (the count check can fire).
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => KvsSignalingClient.CheckProtocols(Enumerable.Repeat(ChannelProtocol.Https, shape.Max + 1), "protocols"));
        Assert.Contains($"{shape.Max + 1} protocols were given; allowed: {shape.Min}..{shape.Max}", tooMany.Message, StringComparison.Ordinal);
        Assert.Equal("protocols", tooMany.ParamName);
    }

    [Fact]
    public void Unset_role_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => KvsSignalingClient.CheckRole(default, "role"));
        Assert.Contains("MASTER, VIEWER", error.Message, StringComparison.Ordinal);
        KvsSignalingClient.CheckRole(ChannelRole.Viewer, "role");
    }
}
