using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>DescribeSignalingChannel, by ChannelName or ChannelARN.</summary>
internal sealed class DescribeSignalingChannelOperation(ChannelStore store) : IOperation
{
    public string Name => "DescribeSignalingChannel";

    public string? ChannelKey(JsonElement input, OperationContext context) => ChannelLookup.QuotaKey(store, input, context);

    public JsonObject Execute(JsonElement input, OperationContext context) =>
        new() { ["ChannelInfo"] = ChannelInfoJson.From(ChannelLookup.ByNameOrArn(store, input, context)) };
}
