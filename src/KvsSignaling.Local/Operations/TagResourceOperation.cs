using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>TagResource: adds tags to a signaling channel, replacing the values of keys it already has.</summary>
internal sealed class TagResourceOperation(ChannelStore store) : IOperation
{
    public string Name => "TagResource";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ResourceARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var arn = OptionalMember.String(input, "ResourceARN")!;
        var added = TagList.Read(input, "Tags");
        var channel = ChannelLookup.ByArn(store, arn, context);
        store.ChangeTags(context.Caller.AccountId, context.Caller.Region, arn, current => TagList.Merge(current, added, channel.ChannelName));
        return [];
    }
}
