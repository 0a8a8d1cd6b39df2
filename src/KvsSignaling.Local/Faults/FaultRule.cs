namespace KvsSignaling.Local.Faults;

/// <summary>
/// A fault to inject. Without <see cref="Count"/> and <see cref="Rate"/> it hits every matching request;
/// with <see cref="Count"/> it hits the next N matching requests and is then gone; with <see cref="Rate"/>
/// it hits that fraction of matching requests, drawn from a seeded generator so runs repeat.
/// </summary>
public sealed record FaultRule
{
    /// <summary>What the fault does.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>The operation it applies to (e.g. GetSignalingChannelEndpoint); null for every operation.</summary>
    public string? Operation { get; init; }

    /// <summary>How many requests it hits before it is removed; null for no limit.</summary>
    public int? Count { get; init; }

    /// <summary>The probability (0 to 1) that a matching request is hit; null for always.</summary>
    public double? Rate { get; init; }

    /// <summary>The delay of <see cref="FaultKind.Latency"/>, in milliseconds.</summary>
    public int LatencyMs { get; init; } = 200;

    /// <summary>The body size of <see cref="FaultKind.OversizedBody"/>, in bytes.</summary>
    public int SizeBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// The code a <see cref="FaultKind.Throttle"/> answers, one of <see cref="ThrottlingCodes"/>; null for
    /// ClientLimitExceededException, Kinesis Video's own. Other AWS front ends throttle with the other codes.
    /// </summary>
    public string? ErrorCode { get; init; }

    /// <summary>The codes a <see cref="FaultKind.Throttle"/> may answer: the throttling codes of the SDKs' retry modes.</summary>
    public static IReadOnlyList<string> ThrottlingCodes { get; } =
    [
        KvsErrorCodes.ClientLimitExceededException,
        KvsErrorCodes.Throttling,
        KvsErrorCodes.ThrottlingException,
        KvsErrorCodes.ThrottledException,
        KvsErrorCodes.RequestThrottledException,
        KvsErrorCodes.ProvisionedThroughputExceededException,
        KvsErrorCodes.LimitExceededException,
    ];

    /// <summary>Throws when a value is out of range, naming the value and what is allowed.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Fault kind '{Kind}' is not one of: {string.Join(", ", Enum.GetNames<FaultKind>())}.");
        }

        if (Count is < 1)
        {
            throw new ArgumentException($"Fault Count {Count} is not allowed: use 1 or more, or leave it out for no limit.");
        }

        if (Rate is < 0 or > 1 || Rate is double.NaN)
        {
            throw new ArgumentException($"Fault Rate {Rate} is not allowed: use a probability from 0 to 1.");
        }

        if (LatencyMs is < 0 or > 600_000)
        {
            throw new ArgumentException($"Fault LatencyMs {LatencyMs} is not allowed: use 0 to 600000.");
        }

        if (SizeBytes is < 1 or > 256 * 1024 * 1024)
        {
            throw new ArgumentException($"Fault SizeBytes {SizeBytes} is not allowed: use 1 to 268435456.");
        }

        if (ErrorCode is not null && (Kind != FaultKind.Throttle || !ThrottlingCodes.Contains(ErrorCode, StringComparer.Ordinal)))
        {
            throw new ArgumentException($"Fault ErrorCode '{ErrorCode}' is not allowed: only a Throttle fault takes one, and only one of {string.Join(", ", ThrottlingCodes)}.");
        }
    }
}
