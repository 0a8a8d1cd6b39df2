namespace KvsSignaling.PowerShell.Output;

/// <summary>One check of Test-KvsSignalingChannel.</summary>
public sealed class SignalingChannelTestStep
{
    internal const string Passing = "Passed";
    internal const string Failed = "Failed";
    internal const string Skipped = "Skipped";

    private SignalingChannelTestStep(string name, string status, TimeSpan? latency, string? error, string? errorId, string? detail)
    {
        Name = name;
        Status = status;
        Latency = latency;
        Error = error;
        ErrorId = errorId;
        Detail = detail;
    }

    /// <summary>The check: Describe, Endpoints, IceServers or WebSocket.</summary>
    public string Name { get; }

    /// <summary>Passed, Failed, or Skipped (not run because an earlier check failed).</summary>
    public string Status { get; }

    /// <summary>True when the check ran and passed.</summary>
    public bool Passed => Status == Passing;

    /// <summary>How long the check took, retries included; null for a skipped check.</summary>
    public TimeSpan? Latency { get; }

    /// <summary>Why the check failed: the error's message; null otherwise.</summary>
    public string? Error { get; }

    /// <summary>The error id the other cmdlets would report for the failure, for example AuthenticationFailed or ChannelNotFound; null otherwise.</summary>
    public string? ErrorId { get; }

    /// <summary>What a passed check found (for example the endpoints or the number of ICE servers); never a credential.</summary>
    public string? Detail { get; }

    /// <summary>The check and its outcome.</summary>
    public override string ToString() => $"{Name}: {Status}" + (Error is null ? string.Empty : $" ({ErrorId}: {Error})");

    internal static SignalingChannelTestStep Pass(string name, TimeSpan latency, string? detail) => new(name, Passing, latency, null, null, detail);

    internal static SignalingChannelTestStep Fail(string name, TimeSpan latency, string error, string errorId) => new(name, Failed, latency, error, errorId, null);

    internal static SignalingChannelTestStep Skip(string name) => new(name, Skipped, null, null, null, null);
}
