using System.Security.Cryptography;
using System.Text;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Endpoints;

/// <summary>
/// Makes the per-channel endpoints GetSignalingChannelEndpoint answers: a WSS endpoint per role (m- for
/// MASTER, v- for VIEWER), an HTTPS endpoint (r-) and, for channels with media ingestion, a WEBRTC one (w-).
/// </summary>
internal sealed class EndpointFactory(EndpointStyle style, Func<Uri> baseUrl, bool tls = false)
{
    /// <summary>The path under which kvs-local's own endpoints live in the local style.</summary>
    public const string LocalPathPrefix = "/_endpoints/";

    public string Create(Channel channel, string protocol, string role, bool wrongScheme)
    {
        var id = ChannelId(channel);
        var prefix = protocol switch
        {
            "WSS" => role == "VIEWER" ? "v" : "m",
            "HTTPS" => "r",
            _ => "w",
        };
        var secure = style == EndpointStyle.Aws || tls;
        var socket = protocol == "WSS";
        if (wrongScheme)
        {
            socket = !socket;
        }

        var scheme = (socket, secure) switch
        {
            (true, true) => "wss",
            (true, false) => "ws",
            (false, true) => "https",
            (false, false) => "http",
        };
        if (style == EndpointStyle.Aws)
        {
            return $"{scheme}://{prefix}-{id}.kinesisvideo.{channel.Region}.{DnsSuffix(channel.Region)}";
        }

        var local = baseUrl();
        return $"{scheme}://{local.Authority}{LocalPathPrefix}{prefix}-{id}";
    }

    /// <summary>The host kvs-local listens on, for addresses it hands out.</summary>
    public string LocalHost => baseUrl().Host;

    // One stable identifier per channel, as the service uses the same one in m-, v- and r- endpoints.
    public static string ChannelId(Channel channel) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel.ChannelARN)).AsSpan(0, 4));

    private static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
}
