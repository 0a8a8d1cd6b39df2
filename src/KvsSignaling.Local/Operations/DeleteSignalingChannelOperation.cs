using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>DeleteSignalingChannel: without CurrentVersion the latest version is deleted; the channel is gone at once.</summary>
internal sealed class DeleteSignalingChannelOperation(ChannelStore store) : IOperation
{
    public string Name => "DeleteSignalingChannel";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ChannelARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        store.Delete(context.Caller.AccountId, context.Caller.Region, OptionalMember.String(input, "ChannelARN")!, OptionalMember.String(input, "CurrentVersion"));
        return [];
    }
}
