using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>
/// ListTagsForResource: a channel's tags as a map. A channel has at most 50 tags, so one page holds them
/// all and no NextToken is returned; an empty NextToken is the first page, any other is not one kvs-local gave.
/// </summary>
internal sealed class ListTagsForResourceOperation(ChannelStore store) : IOperation
{
    public string Name => "ListTagsForResource";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ResourceARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var channel = ChannelLookup.ByArn(store, OptionalMember.String(input, "ResourceARN")!, context);
        var token = OptionalMember.String(input, "NextToken");
        if (!string.IsNullOrEmpty(token))
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"NextToken '{token}' is not a token that ListTagsForResource returned."));
        }

        var tags = new JsonObject();
        foreach (var tag in channel.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            tags[tag.Key] = tag.Value;
        }

        return new JsonObject { ["Tags"] = tags };
    }
}
