namespace KvsSignaling.Local.Signaling;

/// <summary>The bounds every signaling connection lives within.</summary>
/// <param name="MaxViewers">Viewers one channel may have at once.</param>
/// <param name="MaxDuration">How long a connection may last.</param>
/// <param name="GoAwayGrace">How long before <paramref name="MaxDuration"/> the connection gets GO_AWAY.</param>
/// <param name="IdleTimeout">How long a connection may go without a frame from its client.</param>
/// <param name="MaxFrameBytes">The largest message a client may send; a larger one closes the connection with 1009.</param>
/// <param name="SendQueueCapacity">Messages waiting for a client that does not read; one more closes the connection.</param>
/// <param name="CloseTimeout">How long a closing connection may take to finish its close handshake before it is aborted.</param>
internal sealed record SignalingLimits(
    int MaxViewers,
    TimeSpan MaxDuration,
    TimeSpan GoAwayGrace,
    TimeSpan IdleTimeout,
    int MaxFrameBytes,
    int SendQueueCapacity,
    TimeSpan CloseTimeout);
