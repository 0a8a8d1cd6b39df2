using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Quotas;
using KvsSignaling.Local.Signaling;

namespace KvsSignaling.Local.Admin;

/// <summary>
/// Test controls of a running server: request counts, injected faults, media-ingestion flags, signaling
/// connections (list, close, notices, message counts) and a reset.
/// The same controls are served over HTTP under /_kvs-local/ for out-of-process callers.
/// </summary>
public sealed class KvsLocalAdmin
{
    private readonly ChannelStore _channels;
    private readonly FaultInjector _faults;
    private readonly RequestCounter _counter;
    private readonly QuotaGate? _quotas;
    private readonly SignalingHub _hub;
    private readonly SignalingRelay _relay;
    private readonly RequestCounter _messageCounter;

    internal KvsLocalAdmin(ChannelStore channels, FaultInjector faults, RequestCounter counter, QuotaGate? quotas,
        SignalingHub hub, SignalingRelay relay, RequestCounter messageCounter)
    {
        _channels = channels;
        _faults = faults;
        _counter = counter;
        _quotas = quotas;
        _hub = hub;
        _relay = relay;
        _messageCounter = messageCounter;
    }

    /// <summary>
    /// Requests received per operation name (e.g. GetSignalingChannelEndpoint), counted on arrival before
    /// any check, so a request rejected for its signature or input still counts; paths that name no
    /// operation count as "Unknown". Admin requests are not counted.
    /// </summary>
    public IReadOnlyDictionary<string, long> RequestCounts => _counter.Snapshot();

    /// <summary>Requests received for one operation; 0 when none arrived.</summary>
    /// <param name="operation">The operation name, e.g. GetSignalingChannelEndpoint.</param>
    public long GetRequestCount(string operation) => RequestCounts.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>The faults in force, with their remaining counts.</summary>
    public IReadOnlyList<ActiveFault> Faults => _faults.List();

    /// <summary>Puts a fault in force; it applies to requests that arrive after this call.</summary>
    /// <param name="rule">The fault.</param>
    /// <returns>The fault as listed, with its id.</returns>
    /// <exception cref="ArgumentException">A value of the rule is out of range.</exception>
    public ActiveFault AddFault(FaultRule rule) => _faults.Add(rule);

    /// <summary>Removes every fault and reseeds the rate generator.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Marks a channel (of any account) as configured, or not, for media ingestion, which governs WEBRTC endpoints.</summary>
    /// <param name="channelArn">The channel's ARN.</param>
    /// <param name="enabled">Whether media ingestion is configured.</param>
    /// <returns>False when no channel has that ARN.</returns>
    public bool SetMediaIngestion(string channelArn, bool enabled) => _channels.SetMediaIngestion(channelArn, enabled);

    /// <summary>The open signaling connections, oldest first.</summary>
    public IReadOnlyList<SignalingConnectionInfo> Connections => _hub.Connections.Select(Info).ToList();

    /// <summary>
    /// Signaling messages per type: clients' messages by action (SDP_OFFER, SDP_ANSWER, ICE_CANDIDATE; "Invalid"
    /// when a frame has no valid action), counted on arrival, and kvs-local's own (STATUS_RESPONSE, GO_AWAY,
    /// RECONNECT_ICE_SERVER), counted when sent.
    /// </summary>
    public IReadOnlyDictionary<string, long> MessageCounts => _messageCounter.Snapshot();

    /// <summary>Messages of one type; 0 when none.</summary>
    /// <param name="messageType">e.g. SDP_OFFER or GO_AWAY.</param>
    public long GetMessageCount(string messageType) => MessageCounts.TryGetValue(messageType, out var count) ? count : 0;

    /// <summary>Closes a connection: with a close frame (1000) after what is queued for it, or abruptly, dropping the TCP connection.</summary>
    /// <param name="connectionId">The connection's id from <see cref="Connections"/>.</param>
    /// <param name="abrupt">True to drop the connection without a close frame.</param>
    /// <returns>False when no open connection has that id.</returns>
    public bool CloseConnection(string connectionId, bool abrupt = false)
    {
        if (_hub.Find(connectionId) is not { } connection)
        {
            return false;
        }

        if (abrupt)
        {
            connection.Abort();
        }
        else
        {
            connection.Close(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "Closed by the kvs-local admin.");
        }

        return true;
    }

    /// <summary>Sends GO_AWAY or RECONNECT_ICE_SERVER to one connection; the connection stays open.</summary>
    /// <param name="connectionId">The connection's id from <see cref="Connections"/>.</param>
    /// <param name="notice">What to send.</param>
    /// <returns>False when no open connection has that id.</returns>
    public bool Notify(string connectionId, SignalingNotice notice) =>
        _hub.Find(connectionId) is { } connection && _relay.Notify(connection, MessageType(notice));

    /// <summary>Sends GO_AWAY or RECONNECT_ICE_SERVER to every connection of a channel.</summary>
    /// <param name="channelArn">The channel's ARN.</param>
    /// <param name="notice">What to send.</param>
    /// <returns>How many connections it was sent to.</returns>
    public int NotifyChannel(string channelArn, SignalingNotice notice) =>
        _hub.Connections.Where(c => c.Channel.ChannelARN == channelArn).Count(c => _relay.Notify(c, MessageType(notice)));

    /// <summary>Deletes every channel (in the state file too), aborts every signaling connection, clears faults, counts, kept messages and quota buckets.</summary>
    public void Reset()
    {
        _channels.Clear();
        _hub.Reset();
        _faults.Clear();
        _counter.Reset();
        _messageCounter.Reset();
        _quotas?.Reset();
    }

    internal void CloseAllConnections() => _hub.Reset();

    private static string MessageType(SignalingNotice notice) => notice switch
    {
        SignalingNotice.GoAway => ServiceMessages.GoAway,
        SignalingNotice.ReconnectIceServer => ServiceMessages.ReconnectIceServer,
        _ => throw new ArgumentException($"Notice '{notice}' is not one of: {string.Join(", ", Enum.GetNames<SignalingNotice>())}."),
    };

    private static SignalingConnectionInfo Info(SignalingConnection c) =>
        new(c.Id, c.Channel.ChannelARN, c.Role == SignalingRole.Master ? "MASTER" : "VIEWER", c.ClientId, c.Since, c.MessagesIn, c.MessagesOut);

    internal IReadOnlyCollection<Channel> Channels => _channels.All;
}
