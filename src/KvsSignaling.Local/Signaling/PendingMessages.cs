namespace KvsSignaling.Local.Signaling;

/// <summary>
/// Messages whose recipient is not connected, kept for the channel's MessageTtlSeconds (the service's
/// "period a signaling channel retains undelivered messages") and handed over when the recipient connects.
/// Bounded per channel: when full, the oldest goes. Not thread-safe: the channel's lock guards it.
/// </summary>
internal sealed class PendingMessages(TimeProvider time, int capacity)
{
    private readonly LinkedList<Entry> _entries = new();

    /// <summary>Keeps a message for a recipient: null for the master, a client id for a viewer.</summary>
    public void Add(string? recipient, byte[] frame, TimeSpan ttl)
    {
        if (_entries.Count >= capacity)
        {
            _entries.RemoveFirst();
        }

        _entries.AddLast(new Entry(recipient, time.GetTimestamp(), ttl, frame));
    }

    /// <summary>Removes and returns, oldest first, the messages still alive for the recipient; drops expired ones on the way.</summary>
    public List<byte[]> TakeFor(string? recipient)
    {
        var taken = new List<byte[]>();
        var now = time.GetTimestamp();
        for (var node = _entries.First; node is not null;)
        {
            var next = node.Next;
            var entry = node.Value;
            var expired = time.GetElapsedTime(entry.Since, now) > entry.Ttl;
            if (expired || entry.Recipient == recipient)
            {
                _entries.Remove(node);
                if (!expired)
                {
                    taken.Add(entry.Frame);
                }
            }

            node = next;
        }

        return taken;
    }

    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    private sealed record Entry(string? Recipient, long Since, TimeSpan Ttl, byte[] Frame);
}
