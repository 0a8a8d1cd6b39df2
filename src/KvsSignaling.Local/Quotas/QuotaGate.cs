using System.Collections.Concurrent;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Quotas;

/// <summary>Applies the per-account and per-channel request-rate quotas, answering ClientLimitExceededException.</summary>
internal sealed class QuotaGate(IReadOnlyDictionary<string, OperationQuota> quotas, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    public void Check(string operation, string accountId, string? channelKey)
    {
        if (!quotas.TryGetValue(operation, out var quota))
        {
            return;
        }

        if (quota.AccountTps > 0 && !Bucket($"{operation}|{accountId}", quota.AccountTps).TryTake())
        {
            throw new ServiceErrorException(ServiceError.ClientLimitExceeded(
                $"Rate exceeded: {operation} allows {quota.AccountTps} requests per second per account."));
        }

        if (channelKey is not null && quota.ChannelTps is int channelTps && channelTps > 0
            && !Bucket($"{operation}|{accountId}|{channelKey}", channelTps).TryTake())
        {
            throw new ServiceErrorException(ServiceError.ClientLimitExceeded(
                $"Rate exceeded: {operation} allows {channelTps} requests per second per channel."));
        }
    }

    public void Reset() => _buckets.Clear();

    private TokenBucket Bucket(string key, int tokensPerSecond) =>
        _buckets.GetOrAdd(key, _ => new TokenBucket(tokensPerSecond, time));
}
