using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Endpoints;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>
/// GetSignalingChannelEndpoint: one endpoint per requested protocol for the requested role. Without an
/// endpoint configuration the role is MASTER and the protocols are WSS and HTTPS.
/// </summary>
internal sealed class GetSignalingChannelEndpointOperation(ChannelStore store, EndpointFactory endpoints) : IOperation
{
    public string Name => "GetSignalingChannelEndpoint";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ChannelARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var channel = ChannelLookup.ByArn(store, OptionalMember.String(input, "ChannelARN")!, context);
        var config = OptionalMember.Get(input, "SingleMasterChannelEndpointConfiguration");
        var role = (config is { } c ? OptionalMember.String(c, "Role") : null) ?? "MASTER";
        var protocols = (config is { } p ? OptionalMember.Get(p, "Protocols") : null) is { } list
            ? list.EnumerateArray().Select(e => e.GetString()!).Distinct(StringComparer.Ordinal).ToList()
            : ["WSS", "HTTPS"];

        if (protocols.Contains("WEBRTC") && !channel.MediaIngestionEnabled)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"The WEBRTC protocol is available only for channels configured for media ingestion, and '{channel.ChannelName}' is not."));
        }

        var wrongScheme = context.Fault?.Kind == FaultKind.WrongEndpointScheme;
        var items = protocols.Select(protocol => (JsonNode)new JsonObject
        {
            ["Protocol"] = protocol,
            ["ResourceEndpoint"] = endpoints.Create(channel, protocol, role, wrongScheme),
        });
        return new JsonObject { ["ResourceEndpointList"] = new JsonArray(items.ToArray()) };
    }
}
