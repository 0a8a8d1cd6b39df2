using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>The ChannelInfo shape of the model; timestamps are epoch seconds, as rest-json sends them.</summary>
internal static class ChannelInfoJson
{
    public static JsonObject From(Channel channel) => new()
    {
        ["ChannelName"] = channel.ChannelName,
        ["ChannelARN"] = channel.ChannelARN,
        ["ChannelType"] = channel.ChannelType,
        ["ChannelStatus"] = channel.ChannelStatus,
        ["CreationTime"] = channel.CreationTimeMs / 1000.0,
        ["SingleMasterConfiguration"] = new JsonObject { ["MessageTtlSeconds"] = channel.MessageTtlSeconds },
        ["Version"] = channel.Version,
    };
}
