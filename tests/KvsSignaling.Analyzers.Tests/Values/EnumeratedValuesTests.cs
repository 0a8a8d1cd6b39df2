using KvsSignaling.Analyzers.Values;

namespace KvsSignaling.Analyzers.Tests.Values;

public sealed class EnumeratedValuesTests
{
    [Theory]
    [InlineData("master", "MASTER")]
    [InlineData("Viewer", "VIEWER")]
    [InlineData("MASTR", "MASTER")]
    [InlineData("VIEWERS", "VIEWER")]
    [InlineData("mastre", "MASTER")]
    [InlineData("view", "VIEWER")]
    [InlineData("OWNER", null)]
    [InlineData("", null)]
    [InlineData("M", null)]
    public void Suggests_the_role_most_likely_meant(string value, string? expected) =>
        Assert.Equal(expected, EnumeratedValues.Roles.Suggest(value));

    [Theory]
    [InlineData("HTTP", "HTTPS")]
    [InlineData("https", "HTTPS")]
    [InlineData("WS", "WSS")]
    [InlineData("wss", "WSS")]
    [InlineData("WSSS", "WSS")]
    [InlineData("WebRtc", "WEBRTC")]
    [InlineData("WEBRT", "WEBRTC")]
    [InlineData("FTP", null)]
    [InlineData("SSW", null)]
    [InlineData("W", null)]
    [InlineData("ws://", null)]
    public void Suggests_the_protocol_most_likely_meant(string value, string? expected) =>
        Assert.Equal(expected, EnumeratedValues.Protocols.Suggest(value));

    [Theory]
    [InlineData("kitten", "sitting", 5, 3)]
    [InlineData("HTTP", "HTTPS", 2, 1)]
    [InlineData("", "WSS", 5, 3)]
    [InlineData("ABCDEFGH", "WSS", 2, 3)]
    [InlineData("WEBRTC", "WEBRTC", 2, 0)]
    public void Edit_distance_is_cut_at_the_limit(string source, string target, int limit, int expected) =>
        Assert.Equal(expected, EditDistance.Compute(source, target, limit));
}
