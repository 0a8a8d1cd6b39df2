using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Quotas;

namespace KvsSignaling.Local.Admin;

/// <summary>
/// Test controls of a running server: request counts, injected faults, media-ingestion flags and a reset.
/// The same controls are served over HTTP under /_kvs-local/ for out-of-process callers.
/// </summary>
public sealed class KvsLocalAdmin
{
    private readonly ChannelStore _channels;
    private readonly FaultInjector _faults;
    private readonly RequestCounter _counter;
    private readonly QuotaGate? _quotas;

    internal KvsLocalAdmin(ChannelStore channels, FaultInjector faults, RequestCounter counter, QuotaGate? quotas)
    {
        _channels = channels;
        _faults = faults;
        _counter = counter;
        _quotas = quotas;
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

    /// <summary>Deletes every channel (in the state file too), clears faults, request counts and quota buckets.</summary>
    public void Reset()
    {
        _channels.Clear();
        _faults.Clear();
        _counter.Reset();
        _quotas?.Reset();
    }

    internal IReadOnlyCollection<Channel> Channels => _channels.All;
}
