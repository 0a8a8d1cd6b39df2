using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>UntagResource: removes tags by key from a signaling channel; keys it does not have are ignored, as the service does.</summary>
internal sealed class UntagResourceOperation(ChannelStore store) : IOperation
{
    public string Name => "UntagResource";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ResourceARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var arn = OptionalMember.String(input, "ResourceARN")!;
        var keys = OptionalMember.Get(input, "TagKeyList")!.Value.EnumerateArray().Select(k => k.GetString()!).ToHashSet(StringComparer.Ordinal);
        store.ChangeTags(context.Caller.AccountId, context.Caller.Region, arn, current => current.Where(t => !keys.Contains(t.Key)).ToList());
        return [];
    }
}
