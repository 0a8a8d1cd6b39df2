using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>UpdateSignalingChannel: CurrentVersion must match, and every update makes a new Version.</summary>
internal sealed class UpdateSignalingChannelOperation(ChannelStore store) : IOperation
{
    public string Name => "UpdateSignalingChannel";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ChannelARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var ttl = OptionalMember.Get(input, "SingleMasterConfiguration") is { } config ? OptionalMember.Int(config, "MessageTtlSeconds") : null;
        store.Update(
            context.Caller.AccountId,
            context.Caller.Region,
            OptionalMember.String(input, "ChannelARN")!,
            OptionalMember.String(input, "CurrentVersion"),
            channel => channel with { MessageTtlSeconds = ttl ?? channel.MessageTtlSeconds });
        return [];
    }
}
