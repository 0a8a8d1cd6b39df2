using System.Collections.Immutable;
using System.Security.Cryptography;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Channels;

/// <summary>
/// The channels of every account and region. Mutations are serialized and persisted before they become
/// visible, so a reply never reports a change the state file does not hold; reads see a consistent snapshot.
/// </summary>
internal sealed class ChannelStore
{
    private const string VersionAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _writeLock = new();
    private readonly TimeProvider _time;
    private readonly Action<IReadOnlyCollection<Channel>>? _persist;
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public ChannelStore(TimeProvider time, Action<IReadOnlyCollection<Channel>>? persist, IEnumerable<Channel> initial)
    {
        _time = time;
        _persist = persist;
        var snapshot = Snapshot.Empty;
        foreach (var channel in initial)
        {
            snapshot = snapshot.With(channel);
        }

        _snapshot = snapshot;
    }

    public IReadOnlyCollection<Channel> All => _snapshot.ByArn.Values.ToList();

    public Channel? FindByName(string accountId, string region, string name) =>
        _snapshot.ArnByName.TryGetValue(NameKey(accountId, region, name), out var arn) ? _snapshot.ByArn[arn] : null;

    public Channel? FindByArn(string accountId, string region, string arn) =>
        _snapshot.ByArn.TryGetValue(arn, out var channel) && channel.AccountId == accountId && channel.Region == region ? channel : null;

    public IReadOnlyList<Channel> List(string accountId, string region) =>
        _snapshot.ByArn.Values
            .Where(c => c.AccountId == accountId && c.Region == region)
            .OrderBy(c => c.ChannelName, StringComparer.Ordinal)
            .ToList();

    public Channel Create(string accountId, string region, string name, string type, int messageTtlSeconds,
        IReadOnlyList<KeyValuePair<string, string>> tags, int channelLimit)
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            if (current.ArnByName.ContainsKey(NameKey(accountId, region, name)))
            {
                throw new ServiceErrorException(ServiceError.ResourceInUse(
                    $"The signaling channel '{name}' already exists in account {accountId} and region {region}."));
            }

            if (current.ByArn.Values.Count(c => c.AccountId == accountId && c.Region == region) >= channelLimit)
            {
                throw new ServiceErrorException(ServiceError.AccountChannelLimitExceeded(
                    $"Account {accountId} already has the {channelLimit} signaling channels allowed in {region}."));
            }

            var createdMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var channel = new Channel
            {
                AccountId = accountId,
                Region = region,
                ChannelName = name,
                ChannelARN = ChannelArn.Create(region, accountId, name, createdMs),
                ChannelType = type,
                ChannelStatus = "ACTIVE",
                CreationTimeMs = createdMs,
                MessageTtlSeconds = messageTtlSeconds,
                Version = NewVersion(),
                Tags = tags,
            };
            Commit(current.With(channel));
            return channel;
        }
    }

    public Channel Update(string accountId, string region, string arn, string? currentVersion, Func<Channel, Channel> change)
    {
        lock (_writeLock)
        {
            var channel = Existing(accountId, region, arn);
            CheckVersion(channel, currentVersion);
            var updated = change(channel) with { Version = NewVersion() };
            Commit(_snapshot.With(updated));
            return updated;
        }
    }

    /// <summary>
    /// Replaces a channel's tags with what <paramref name="change"/> makes of them (it may throw to refuse).
    /// Tags are not configuration: the channel keeps its Version.
    /// </summary>
    public Channel ChangeTags(string accountId, string region, string arn, Func<IReadOnlyList<KeyValuePair<string, string>>, IReadOnlyList<KeyValuePair<string, string>>> change)
    {
        lock (_writeLock)
        {
            var channel = Existing(accountId, region, arn);
            var updated = channel with { Tags = change(channel.Tags) };
            Commit(_snapshot.With(updated));
            return updated;
        }
    }

    public void Delete(string accountId, string region, string arn, string? currentVersion)
    {
        lock (_writeLock)
        {
            var channel = Existing(accountId, region, arn);
            CheckVersion(channel, currentVersion);
            Commit(_snapshot.Without(channel));
        }
    }

    /// <summary>Marks a channel of any account as configured, or not, for media ingestion.</summary>
    public bool SetMediaIngestion(string arn, bool enabled, string? streamArn = null)
    {
        lock (_writeLock)
        {
            if (!_snapshot.ByArn.TryGetValue(arn, out var channel))
            {
                return false;
            }

            Commit(_snapshot.With(channel with { MediaIngestionEnabled = enabled, MediaStreamARN = streamArn ?? channel.MediaStreamARN }));
            return true;
        }
    }

    public void Clear()
    {
        lock (_writeLock)
        {
            Commit(Snapshot.Empty);
        }
    }

    private Channel Existing(string accountId, string region, string arn) =>
        FindByArn(accountId, region, arn) ?? throw new ServiceErrorException(ServiceError.ResourceNotFound(
            $"The signaling channel '{arn}' does not exist in account {accountId} and region {region}."));

    private static void CheckVersion(Channel channel, string? currentVersion)
    {
        if (currentVersion is not null && currentVersion != channel.Version)
        {
            throw new ServiceErrorException(ServiceError.VersionMismatch(
                $"The supplied version '{currentVersion}' does not match the current version of channel '{channel.ChannelName}'."));
        }
    }

    // Persist first: if the state file cannot be written, the change is not made at all.
    private void Commit(Snapshot next)
    {
        _persist?.Invoke(next.ByArn.Values.ToList());
        _snapshot = next;
    }

    private static string NewVersion() => RandomNumberGenerator.GetString(VersionAlphabet, 20);

    private static string NameKey(string accountId, string region, string name) => $"{accountId}/{region}/{name}";

    private sealed record Snapshot(ImmutableDictionary<string, Channel> ByArn, ImmutableDictionary<string, string> ArnByName)
    {
        public static readonly Snapshot Empty = new(
            ImmutableDictionary.Create<string, Channel>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

        public Snapshot With(Channel channel) => new(
            ByArn.SetItem(channel.ChannelARN, channel),
            ArnByName.SetItem(NameKey(channel.AccountId, channel.Region, channel.ChannelName), channel.ChannelARN));

        public Snapshot Without(Channel channel) => new(
            ByArn.Remove(channel.ChannelARN),
            ArnByName.Remove(NameKey(channel.AccountId, channel.Region, channel.ChannelName)));
    }
}
