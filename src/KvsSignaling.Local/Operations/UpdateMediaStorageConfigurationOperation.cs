using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;

namespace KvsSignaling.Local.Operations;

/// <summary>UpdateMediaStorageConfiguration: Status ENABLED configures the channel for media ingestion (WEBRTC endpoints).</summary>
internal sealed class UpdateMediaStorageConfigurationOperation(ChannelStore store) : IOperation
{
    public string Name => "UpdateMediaStorageConfiguration";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ChannelARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var channel = ChannelLookup.ByArn(store, OptionalMember.String(input, "ChannelARN")!, context);
        var configuration = input.GetProperty("MediaStorageConfiguration");
        store.SetMediaIngestion(channel.ChannelARN, OptionalMember.String(configuration, "Status") == "ENABLED", OptionalMember.String(configuration, "StreamARN"));
        return [];
    }
}
