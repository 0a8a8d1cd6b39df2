using KvsSignaling.Local.Admin;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.Local.Signaling;

/// <summary>
/// Handles each message a client sends: check it, apply quotas and faults, and pass it on: a master's to
/// the viewer it names, a viewer's to the master. Viewers never reach each other. A bad message is
/// answered with STATUS_RESPONSE when it carried a correlation id, and dropped otherwise.
/// </summary>
internal sealed class SignalingRelay(SignalingHub hub, FaultInjector faults, RequestCounter messageCounts)
{
    public const string InvalidMessage = "Invalid";

    public async ValueTask HandleAsync(SignalingConnection sender, ReadOnlyMemory<byte> frame, bool binary)
    {
        var (message, error, correlationId) = ClientMessage.Parse(frame.Span, binary, sender.Role);
        messageCounts.Increment(message?.Action ?? InvalidMessage);
        if (message is null)
        {
            Reject(sender, correlationId, error);
            return;
        }

        if (sender.Quotas is { } quotas && !quotas.TryTake(message.Action))
        {
            Reject(sender, correlationId, MessageError.LimitExceeded(
                $"Rate exceeded: {message.Operation} allows {MessageQuotas.Limit(message.Action)} messages per second per connection."));
            return;
        }

        var fault = faults.Take(message.Operation, FaultScope.Message);
        switch (fault?.Kind)
        {
            case FaultKind.DropMessage:
                return;
            case FaultKind.AbortConnection:
                sender.Abort();
                return;
            case FaultKind.Latency:
                await Task.Delay(fault.LatencyMs);
                break;
        }

        var senderId = sender.Role == SignalingRole.Viewer ? sender.ClientId : null;
        var ttl = TimeSpan.FromSeconds(sender.Channel.MessageTtlSeconds);
        hub.Peers(sender.Channel.ChannelARN).Deliver(message.RecipientClientId, ServiceMessages.Relay(message.Action, message.Payload, senderId), ttl);
    }

    public void Count(string messageType) => messageCounts.Increment(messageType);

    /// <summary>Sends a service notice (GO_AWAY, RECONNECT_ICE_SERVER) to a connection, counting it.</summary>
    public bool Notify(SignalingConnection connection, string messageType)
    {
        messageCounts.Increment(messageType);
        return connection.TrySend(ServiceMessages.Notice(messageType));
    }

    private void Reject(SignalingConnection sender, string? correlationId, MessageError? error)
    {
        if (correlationId is null || error is null)
        {
            return;
        }

        messageCounts.Increment(ServiceMessages.StatusResponse);
        sender.TrySend(ServiceMessages.Status(correlationId, error));
    }
}
