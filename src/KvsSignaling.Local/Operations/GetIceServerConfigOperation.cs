using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Endpoints;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>
/// GetIceServerConfig of the signaling data plane, answered only on the channel's own HTTPS endpoint.
/// kvs-local runs no TURN server: the answer has the service's shape, with placeholder credentials.
/// </summary>
internal sealed class GetIceServerConfigOperation(ChannelStore store, EndpointFactory endpoints, TimeProvider time) : IOperation
{
    private const int TtlSeconds = 300;
    private const string CredentialAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string Name => "GetIceServerConfig";

    public string? ChannelKey(JsonElement input, OperationContext context) => OptionalMember.String(input, "ChannelARN");

    public JsonObject Execute(JsonElement input, OperationContext context)
    {
        var channel = ChannelLookup.ByArn(store, OptionalMember.String(input, "ChannelARN")!, context);
        if (context.EndpointId != "r-" + EndpointFactory.ChannelId(channel))
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"This endpoint ({context.EndpointId}) does not belong to channel '{channel.ChannelName}'; use the HTTPS endpoint GetSignalingChannelEndpoint answers for it."));
        }

        var host = endpoints.LocalHost;
        var expires = time.GetUtcNow().AddSeconds(TtlSeconds).ToUnixTimeSeconds();
        var server = new JsonObject
        {
            ["Uris"] = new JsonArray($"turn:{host}:3478?transport=udp", $"turn:{host}:3478?transport=tcp", $"turns:{host}:443?transport=tcp"),
            ["Username"] = $"{expires}.{OptionalMember.String(input, "ClientId") ?? "master"}",
            ["Password"] = RandomNumberGenerator.GetString(CredentialAlphabet, 32),
            ["Ttl"] = TtlSeconds,
        };
        return new JsonObject { ["IceServerList"] = new JsonArray(server) };
    }
}
