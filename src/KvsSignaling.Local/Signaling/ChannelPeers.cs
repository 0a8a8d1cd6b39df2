using System.Net.WebSockets;

namespace KvsSignaling.Local.Signaling;

/// <summary>
/// Who is connected to one channel: at most one master (the newest wins) and a bounded set of viewers by
/// client id (a new connection with a known id replaces the old one), plus the messages waiting for them.
/// </summary>
internal sealed class ChannelPeers(TimeProvider time, int pendingCapacity)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, SignalingConnection> _viewers = new(StringComparer.Ordinal);
    private readonly PendingMessages _pending = new(time, pendingCapacity);
    private SignalingConnection? _master;

    public bool HasRoomFor(string clientId, int maxViewers)
    {
        lock (_lock)
        {
            return _viewers.ContainsKey(clientId) || _viewers.Count < maxViewers;
        }
    }

    /// <summary>Adds the connection, closing the one it replaces, and hands it the messages kept for it; false when the channel is full.</summary>
    public bool Join(SignalingConnection connection, int maxViewers)
    {
        SignalingConnection? replaced;
        lock (_lock)
        {
            if (connection.Role == SignalingRole.Master)
            {
                replaced = _master;
                _master = connection;
            }
            else
            {
                _viewers.TryGetValue(connection.ClientId!, out replaced);
                if (replaced is null && _viewers.Count >= maxViewers)
                {
                    return false;
                }

                _viewers[connection.ClientId!] = connection;
            }

            foreach (var frame in _pending.TakeFor(connection.ClientId))
            {
                connection.TrySend(frame);
            }
        }

        replaced?.Close(WebSocketCloseStatus.NormalClosure, connection.Role == SignalingRole.Master
            ? "Another master connected to the channel."
            : "Another connection with this client id connected to the channel.");
        return true;
    }

    public void Leave(SignalingConnection connection)
    {
        lock (_lock)
        {
            if (connection.Role == SignalingRole.Master)
            {
                if (_master == connection)
                {
                    _master = null;
                }
            }
            else if (_viewers.TryGetValue(connection.ClientId!, out var current) && current == connection)
            {
                _viewers.Remove(connection.ClientId!);
            }
        }
    }

    /// <summary>Sends to the master (recipient null) or a viewer; keeps the message when the recipient is not connected.</summary>
    public void Deliver(string? recipient, byte[] frame, TimeSpan ttl)
    {
        lock (_lock)
        {
            var connection = recipient is null ? _master : _viewers.GetValueOrDefault(recipient);
            if (connection is null || connection.IsClosing)
            {
                _pending.Add(recipient, frame, ttl);
                return;
            }

            connection.TrySend(frame);
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    public void ClearPending()
    {
        lock (_lock)
        {
            _pending.Clear();
        }
    }
}
