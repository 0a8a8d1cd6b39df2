using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>DescribeMediaStorageConfiguration, by ChannelName or ChannelARN.</summary>
internal sealed class DescribeMediaStorageConfigurationOperation(ChannelStore store) : IOperation
{
    public string Name => "DescribeMediaStorageConfiguration";

    public string? ChannelKey(JsonElement input, OperationContext context) => ChannelLookup.QuotaKey(store, input, context);

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var channel = ChannelLookup.ByNameOrArn(store, input, context);
        var configuration = new JsonObject { ["Status"] = channel.MediaIngestionEnabled ? "ENABLED" : "DISABLED" };
        if (channel.MediaStreamARN is not null)
        {
            configuration["StreamARN"] = channel.MediaStreamARN;
        }

        return new JsonObject { ["MediaStorageConfiguration"] = configuration };
    }
}
