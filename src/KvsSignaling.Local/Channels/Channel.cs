namespace KvsSignaling.Local.Channels;

/// <summary>A signaling channel as kvs-local keeps it (and writes it to the state file).</summary>
internal sealed record Channel
{
    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string ChannelName { get; init; }

    public required string ChannelARN { get; init; }

    public required string ChannelType { get; init; }

    public required string ChannelStatus { get; init; }

    public required long CreationTimeMs { get; init; }

    public required int MessageTtlSeconds { get; init; }

    public required string Version { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>Whether the channel is configured for media ingestion, which makes the WEBRTC protocol available.</summary>
    public bool MediaIngestionEnabled { get; init; }

    public string? MediaStreamARN { get; init; }
}
