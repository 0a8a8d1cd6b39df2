namespace KvsSignaling;

/// <summary>Settings of one signaling connection (<see cref="KvsSignalingClient.ConnectAsync"/>).</summary>
public sealed class SignalingConnectionOptions
{
    /// <summary>Reconnects with a new presigned URL when the service sends <c>GO_AWAY</c> (default true). False: the stream shows the <c>GO_AWAY</c>, the connection closes and the stream ends.</summary>
    public bool ReconnectOnGoAway { get; set; } = true;

    /// <summary>Attempts to reconnect after a connection is lost (or after <c>GO_AWAY</c>) before the stream ends with <see cref="KvsSignalingConnectionException"/>; 0 never reconnects. Default 5, at most 100.</summary>
    public int MaxReconnectAttempts { get; set; } = 5;

    /// <summary>Base of the capped exponential backoff between reconnect attempts, with full jitter (default 200 ms).</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of the backoff between reconnect attempts (default 10 s).</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit of one WebSocket handshake (default 10 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages kept for the reader (default 256). When the buffer is full the connection stops reading its socket
    /// until the reader takes one: backpressure, never a lost message. A reader that stops for long makes the
    /// service drop the connection once its own queue is full.
    /// </summary>
    public int ReceiveBufferCapacity { get; set; } = 256;

    /// <summary>
    /// How long a send with a correlation id waits for the service's <c>STATUS_RESPONSE</c> (default 1 s). The service
    /// answers only a failure, so a send that hears nothing in this time has been accepted. Zero: such sends do not
    /// wait, and their <c>STATUS_RESPONSE</c> comes through the message stream.
    /// </summary>
    public TimeSpan StatusResponseWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long closing waits for the service to answer the close frame before dropping the connection (default 2 s).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal const int MaxReconnectAttemptsLimit = 100;

    internal SignalingConnectionOptions Checked(string paramName)
    {
        if (MaxReconnectAttempts is < 0 or > MaxReconnectAttemptsLimit)
        {
            throw new ArgumentException($"MaxReconnectAttempts {MaxReconnectAttempts} is out of range; allowed: 0..{MaxReconnectAttemptsLimit}.", paramName);
        }

        if (ReconnectBaseDelay < TimeSpan.Zero || ReconnectMaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"ReconnectBaseDelay {ReconnectBaseDelay} and ReconnectMaxDelay {ReconnectMaxDelay} must not be negative.", paramName);
        }

        if (ConnectTimeout <= TimeSpan.Zero || CloseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ConnectTimeout {ConnectTimeout} and CloseTimeout {CloseTimeout} must be positive.", paramName);
        }

        if (ReceiveBufferCapacity < 1)
        {
            throw new ArgumentException($"ReceiveBufferCapacity {ReceiveBufferCapacity} must be at least 1.", paramName);
        }

        if (StatusResponseWait < TimeSpan.Zero)
        {
            throw new ArgumentException($"StatusResponseWait {StatusResponseWait} must not be negative.", paramName);
        }

        // A copy, so a caller changing its options later does not change a running connection.
        return (SignalingConnectionOptions)MemberwiseClone();
    }
}
