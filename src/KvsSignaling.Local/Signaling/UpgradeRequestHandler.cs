using System.Net.WebSockets;
using KvsSignaling.Local.Admin;
using KvsSignaling.Local.Auth;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Endpoints;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Quotas;
using KvsSignaling.Local.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KvsSignaling.Local.Signaling;

/// <summary>
/// ConnectAsMaster and ConnectAsViewer: a GET to a WSS endpoint with a presigned URL. Every check (fault,
/// signature, channel, role, quota, room) runs before the WebSocket is accepted, so a refusal is a plain
/// HTTP error with x-amzn-ErrorType and changes nothing; only then does the connection join its channel.
/// </summary>
internal sealed class UpgradeRequestHandler(
    PresignedUrlVerifier verifier,
    ChannelStore store,
    SignalingHub hub,
    SignalingRelay relay,
    QuotaGate? quotas,
    bool messageQuotas,
    FaultInjector faults,
    RequestCounter counter,
    SignalingLimits limits,
    TimeProvider time,
    string? errorTypeSuffix,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context, string endpointId)
    {
        var role = SignalingEndpoint.RoleOf(endpointId);
        var operation = role == SignalingRole.Master ? "ConnectAsMaster" : "ConnectAsViewer";
        counter.Increment(operation);
        var fault = faults.Take(operation, FaultScope.Upgrade);
        Channel channel;
        string? clientId;
        try
        {
            if (fault is not null && await RequestFaults.ApplyBeforeHandlingAsync(context, fault, errorTypeSuffix))
            {
                return;
            }

            if (!HttpMethods.IsGet(context.Request.Method))
            {
                throw new ServiceErrorException(ServiceError.UnknownOperation(
                    $"A WSS endpoint answers {operation} as a GET with a WebSocket upgrade, not {context.Request.Method}."));
            }

            var request = SignableRequest.From(context);
            var query = new QueryParameters(request.RawQuery);
            var caller = verifier.Verify(request, query);
            (channel, clientId) = Admit(caller, query, endpointId, role);
            quotas?.Check(operation, caller.AccountId, channel.ChannelARN);
            if (role == SignalingRole.Viewer && !hub.Peers(channel.ChannelARN).HasRoomFor(clientId!, limits.MaxViewers))
            {
                throw new ServiceErrorException(ServiceError.ClientLimitExceeded(
                    $"Channel '{channel.ChannelName}' already has the {limits.MaxViewers} viewers allowed."));
            }

            if (!context.WebSockets.IsWebSocketRequest)
            {
                throw new ServiceErrorException(ServiceError.InvalidArgument(
                    $"This is a WSS endpoint: {operation} needs a WebSocket upgrade (Connection: Upgrade, Upgrade: websocket)."));
            }
        }
        catch (ServiceErrorException e)
        {
            // The code only: the message may quote the canonical request, and the URL carries the signature.
            logger.LogDebug("Refused {Operation} on {Endpoint}: {ErrorType}", operation, endpointId, e.Error.Code);
            await ResponseWriter.WriteErrorAsync(context, e.Error, null, errorTypeSuffix);
            return;
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            await ResponseWriter.WriteErrorAsync(context, ServiceError.InternalFailure(), null, errorTypeSuffix);
            return;
        }

        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away during the handshake; nothing joined, nothing to answer.
            return;
        }

        using var accepted = socket;
        var connection = new SignalingConnection(hub.NextId(), channel, role, clientId, socket, limits, time, messageQuotas ? new MessageQuotas(time) : null)
        {
            OnGoAway = () => relay.Count(ServiceMessages.GoAway),
        };
        if (!hub.Join(connection, limits.MaxViewers))
        {
            // Another viewer took the last place between the check and the upgrade.
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.PolicyViolation, $"The channel already has the {limits.MaxViewers} viewers allowed.");
            return;
        }

        logger.LogDebug("Connection {Id} opened: {Operation} on channel {Channel} as {ClientId}", connection.Id, operation, channel.ChannelName, clientId ?? "master");
        try
        {
            await connection.RunAsync(relay.HandleAsync);
        }
        finally
        {
            hub.Leave(connection);
            logger.LogDebug("Connection {Id} closed after {In} messages in and {Out} out", connection.Id, connection.MessagesIn, connection.MessagesOut);
        }
    }

    private (Channel Channel, string? ClientId) Admit(CallerIdentity caller, QueryParameters query, string endpointId, SignalingRole role)
    {
        var arn = Single(query, "X-Amz-ChannelARN") ?? throw new ServiceErrorException(ServiceError.InvalidArgument(
            "X-Amz-ChannelARN is required: the ARN of the channel to connect to."));
        var channel = store.FindByArn(caller.AccountId, caller.Region, arn) ?? throw new ServiceErrorException(ServiceError.ResourceNotFound(
            $"The signaling channel '{arn}' does not exist in account {caller.AccountId} and region {caller.Region}."));
        if (endpointId[2..] != EndpointFactory.ChannelId(channel))
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"This endpoint ({endpointId}) does not belong to channel '{channel.ChannelName}'; use the WSS endpoint GetSignalingChannelEndpoint answers for it."));
        }

        var clientId = Single(query, "X-Amz-ClientId");
        if (role == SignalingRole.Master)
        {
            return clientId is null
                ? (channel, null)
                : throw new ServiceErrorException(ServiceError.InvalidArgument("A master connects without X-Amz-ClientId; only viewers send one."));
        }

        if (clientId is null)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument("A viewer must send X-Amz-ClientId."));
        }

        if (!ClientMessage.IsValidId(clientId))
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                "1 validation error detected: Value at 'X-Amz-ClientId' failed to satisfy constraint: Member must be 1 to 256 characters of [a-zA-Z0-9_.-]."));
        }

        if (clientId.StartsWith("AWS_", StringComparison.Ordinal))
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument("X-Amz-ClientId must not start with 'AWS_', which the service reserves."));
        }

        return (channel, clientId);
    }

    private static string? Single(QueryParameters query, string name) => query.Count(name) switch
    {
        0 => null,
        1 => query.Value(name),
        _ => throw new ServiceErrorException(ServiceError.InvalidArgument($"{name} may appear only once.")),
    };

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string description)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(status, description, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }
}
