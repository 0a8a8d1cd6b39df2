using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>
/// ListSignalingChannels in name order. NextToken is the base64 of the last name returned, so a page
/// boundary stays right while channels are created or deleted between calls.
/// </summary>
internal sealed class ListSignalingChannelsOperation(ChannelStore store) : IOperation
{
    private const int DefaultMaxResults = 500;

    public string Name => "ListSignalingChannels";

    public string? ChannelKey(JsonElement input, OperationContext context) => null;

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var maxResults = OptionalMember.Int(input, "MaxResults") ?? DefaultMaxResults;
        var after = DecodeToken(OptionalMember.String(input, "NextToken"));
        var prefix = OptionalMember.Get(input, "ChannelNameCondition") is { } condition
            ? OptionalMember.String(condition, "ComparisonValue")
            : null;

        var matching = store.List(context.Caller.AccountId, context.Caller.Region)
            .Where(c => prefix is null || c.ChannelName.StartsWith(prefix, StringComparison.Ordinal))
            .Where(c => after is null || string.CompareOrdinal(c.ChannelName, after) > 0)
            .ToList();
        var page = matching.Take(maxResults).ToList();
        var output = new JsonObject { ["ChannelInfoList"] = new JsonArray(page.Select(c => (JsonNode)ChannelInfoJson.From(c)).ToArray()) };
        if (matching.Count > page.Count)
        {
            output["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].ChannelName));
        }

        return output;
    }

    private static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"NextToken '{token}' is not a token that ListSignalingChannels returned."));
        }
    }
}
