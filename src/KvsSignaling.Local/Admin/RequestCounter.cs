using System.Collections.Concurrent;

namespace KvsSignaling.Local.Admin;

/// <summary>Counts the requests that reached the service paths, per operation, before any check ran.</summary>
internal sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Increment(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
