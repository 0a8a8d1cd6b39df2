using System.Collections.Concurrent;

namespace KvsSignaling.Transport;

/// <summary>Client-side pacing: one token bucket per operation, since the service's quotas are per operation.</summary>
internal sealed class OperationPacer
{
    private readonly double? _ratePerSecond;
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public OperationPacer(double? ratePerSecond) => _ratePerSecond = ratePerSecond;

    public Task WaitAsync(string operation, CancellationToken cancellationToken) =>
        _ratePerSecond is double rate
            ? _buckets.GetOrAdd(operation, _ => new TokenBucket(rate)).WaitAsync(cancellationToken)
            : Task.CompletedTask;
}
