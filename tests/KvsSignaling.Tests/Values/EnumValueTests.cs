namespace KvsSignaling.Tests.Values;

/// <summary>Roles and protocols: every model enum value parses in any case to its canonical form; nothing else does.</summary>
public sealed class EnumValueTests
{
    public static TheoryData<string> Roles() => new(ContractShape.Of("ChannelRole").Enum);

    public static TheoryData<string> Protocols() => new(ContractShape.Of("ChannelProtocol").Enum);

    public static TheoryData<string?> NotEnumValues() => new() { null, string.Empty, " ", "MASTER ", " VIEWER", "MAST", "MASTERS", "WS", "HTTP", "WEB-RTC", "master\n", "ＭＡＳＴＥＲ", "wss,https" };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Every_model_role_parses_in_any_case(string value)
    {
        foreach (var spelling in new[] { value, value.ToLowerInvariant(), char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant() })
        {
            var role = ChannelRole.Parse(spelling);
            Assert.Equal(value, role.Value);
            Assert.Equal(value, role.ToString());
            Assert.True(role.IsValid);
            Assert.Equal(role, (ChannelRole)spelling);
            Assert.True(ChannelRole.TryParse(spelling, out var parsed));
            Assert.Equal(role, parsed);
        }
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Every_model_protocol_parses_in_any_case(string value)
    {
        foreach (var spelling in new[] { value, value.ToLowerInvariant(), char.ToUpperInvariant(value[0]) + value[1..].ToLowerInvariant() })
        {
            var protocol = ChannelProtocol.Parse(spelling);
            Assert.Equal(value, protocol.Value);
            Assert.Equal(value, protocol.ToString());
            Assert.Equal(protocol, (ChannelProtocol)spelling);
            Assert.True(ChannelProtocol.TryParse(spelling, out var parsed));
            Assert.Equal(protocol, parsed);
        }
    }

    [Fact]
    public void All_lists_exactly_the_model_enums()
    {
        Assert.Equal(ContractShape.Of("ChannelRole").Enum, ChannelRole.All.Select(r => r.Value));
        Assert.Equal(ContractShape.Of("ChannelProtocol").Enum, ChannelProtocol.All.Select(p => p.Value));
        Assert.Equal(new[] { ChannelRole.Master, ChannelRole.Viewer }, ChannelRole.All);
        Assert.Equal(new[] { ChannelProtocol.Wss, ChannelProtocol.Https, ChannelProtocol.WebRtc }, ChannelProtocol.All);
    }

    [Theory]
    [MemberData(nameof(NotEnumValues))]
    public void Other_values_are_rejected_with_the_value_and_the_allowed_list(string? value)
    {
        var roleError = Assert.ThrowsAny<ArgumentException>(() => ChannelRole.Parse(value!));
        Assert.Contains(value ?? "(null)", roleError.Message, StringComparison.Ordinal);
        Assert.Contains("MASTER, VIEWER", roleError.Message, StringComparison.Ordinal);
        Assert.False(ChannelRole.TryParse(value, out var role));
        Assert.False(role.IsValid);

        var protocolError = Assert.ThrowsAny<ArgumentException>(() => ChannelProtocol.Parse(value!));
        Assert.Contains(value ?? "(null)", protocolError.Message, StringComparison.Ordinal);
        Assert.Contains("WSS, HTTPS, WEBRTC", protocolError.Message, StringComparison.Ordinal);
        Assert.False(ChannelProtocol.TryParse(value, out _));

        Assert.ThrowsAny<ArgumentException>(() => { ChannelRole implicitRole = value!; });
        Assert.ThrowsAny<ArgumentException>(() => { ChannelProtocol implicitProtocol = value!; });
    }

    [Fact]
    public void Default_values_are_not_valid_and_differ_from_every_real_value()
    {
        Assert.False(default(ChannelRole).IsValid);
        Assert.False(default(ChannelProtocol).IsValid);
        Assert.Equal(string.Empty, default(ChannelRole).Value);
        Assert.DoesNotContain(default(ChannelRole), ChannelRole.All);
        Assert.DoesNotContain(default(ChannelProtocol), ChannelProtocol.All);
        Assert.NotEqual(ChannelRole.Master, ChannelRole.Viewer);
        Assert.True(ChannelRole.Master == ChannelRole.Parse("master"));
        Assert.True(ChannelProtocol.Wss != ChannelProtocol.Https);
        Assert.Equal(ChannelRole.Master.GetHashCode(), ChannelRole.Parse("Master").GetHashCode());
    }
}
