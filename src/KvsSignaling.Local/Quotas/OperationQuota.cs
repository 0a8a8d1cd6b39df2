namespace KvsSignaling.Local.Quotas;

/// <summary>A request-rate quota of one operation: transactions per second per account and, optionally, per channel.</summary>
/// <param name="AccountTps">Requests per second one account may make; 0 or less turns the account limit off.</param>
/// <param name="ChannelTps">Requests per second that may target one channel; null or 0 turns the channel limit off.</param>
public sealed record OperationQuota(int AccountTps, int? ChannelTps = null)
{
    /// <summary>The quotas the service documents for signaling channels (Kinesis Video Streams with WebRTC), WebSocket connects included.</summary>
    public static IReadOnlyDictionary<string, OperationQuota> ServiceDefaults { get; } = new Dictionary<string, OperationQuota>(StringComparer.Ordinal)
    {
        ["GetSignalingChannelEndpoint"] = new(300),
        ["DescribeSignalingChannel"] = new(300, 5),
        ["CreateSignalingChannel"] = new(50),
        ["ListSignalingChannels"] = new(50),
        ["UpdateSignalingChannel"] = new(50, 5),
        ["DeleteSignalingChannel"] = new(50, 5),
        ["ConnectAsMaster"] = new(0, 3),
        ["ConnectAsViewer"] = new(0, 3),
        ["TagResource"] = new(50, 5),
        ["UntagResource"] = new(50, 5),
        ["ListTagsForResource"] = new(50, 5),
    };
}
