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
        var tags = TagList.Read(input, "Tags");

        var caller = context.Caller;
        var channel = store.Create(caller.AccountId, caller.Region, OptionalMember.String(input, "ChannelName")!, type, ttl, tags, channelLimit(caller.Region));
        return new JsonObject { ["ChannelARN"] = channel.ChannelARN };
    }
}
