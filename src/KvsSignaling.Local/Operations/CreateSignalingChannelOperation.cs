using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>CreateSignalingChannel. The channel is ACTIVE at once: kvs-local has nothing to provision.</summary>
internal sealed class CreateSignalingChannelOperation(ChannelStore store, Func<string, int> channelLimit) : IOperation
{
    private const int DefaultMessageTtlSeconds = 60;

    public string Name => "CreateSignalingChannel";

    public string? ChannelKey(JsonElement input, OperationContext context) => null;

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var type = OptionalMember.String(input, "ChannelType") ?? "SINGLE_MASTER";
        if (type != "SINGLE_MASTER")
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"ChannelType '{type}' is not supported: SINGLE_MASTER is the only channel type the service offers."));
        }

        var ttl = OptionalMember.Get(input, "SingleMasterConfiguration") is { } config
            ? OptionalMember.Int(config, "MessageTtlSeconds") ?? DefaultMessageTtlSeconds
            : DefaultMessageTtlSeconds;
        var tags = OptionalMember.Get(input, "Tags") is { } list
            ? list.EnumerateArray().Select(t => KeyValuePair.Create(t.GetProperty("Key").GetString()!, t.GetProperty("Value").GetString()!)).ToList()
            : [];
        var duplicate = tags.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument($"Tag key '{duplicate.Key}' appears more than once in Tags."));
        }

        var caller = context.Caller;
        var channel = store.Create(caller.AccountId, caller.Region, OptionalMember.String(input, "ChannelName")!, type, ttl, tags, channelLimit(caller.Region));
        return new JsonObject { ["ChannelARN"] = channel.ChannelARN };
    }
}
