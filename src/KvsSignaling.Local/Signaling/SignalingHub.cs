using System.Collections.Concurrent;
using System.Globalization;

namespace KvsSignaling.Local.Signaling;

/// <summary>Every open signaling connection, by id and by channel.</summary>
internal sealed class SignalingHub(TimeProvider time)
{
    /// <summary>Undelivered messages kept per channel; the oldest goes first, so a flood cannot grow memory.</summary>
    public const int PendingCapacity = 256;

    private readonly ConcurrentDictionary<string, ChannelPeers> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SignalingConnection> _connections = new(StringComparer.Ordinal);
    private long _nextId;

    public string NextId() => "c-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    public ChannelPeers Peers(string channelArn) => _channels.GetOrAdd(channelArn, _ => new ChannelPeers(time, PendingCapacity));

    public bool Join(SignalingConnection connection, int maxViewers)
    {
        if (!Peers(connection.Channel.ChannelARN).Join(connection, maxViewers))
        {
            return false;
        }

        _connections[connection.Id] = connection;
        return true;
    }

    public void Leave(SignalingConnection connection)
    {
        _connections.TryRemove(connection.Id, out _);
        Peers(connection.Channel.ChannelARN).Leave(connection);
    }

    public IReadOnlyList<SignalingConnection> Connections =>
        _connections.Values.OrderBy(c => c.Since).ThenBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    public SignalingConnection? Find(string id) => _connections.GetValueOrDefault(id);

    /// <summary>Aborts every connection and forgets every kept message.</summary>
    public void Reset()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }

        foreach (var peers in _channels.Values)
        {
            peers.ClearPending();
        }
    }
}
