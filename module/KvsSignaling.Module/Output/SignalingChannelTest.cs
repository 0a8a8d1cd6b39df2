using System.Management.Automation;

namespace KvsSignaling.PowerShell.Output;

/// <summary>
/// The result of Test-KvsSignalingChannel for one channel and role: whether a peer could get as far as an open
/// signaling WebSocket, and each check on the way.
/// </summary>
public sealed class SignalingChannelTest
{
    /// <summary>The type name the format file and scripts key on.</summary>
    public const string TypeName = "KvsSignaling.SignalingChannelTest";

    internal SignalingChannelTest(string? channelArn, string channelName, ChannelRole role, string? clientId, IReadOnlyList<SignalingChannelTestStep> steps)
    {
        ChannelARN = channelArn;
        ChannelName = channelName;
        Role = role.Value;
        ClientId = clientId;
        Steps = steps.ToArray();
        Passed = steps.All(s => s.Passed);
        FailedStep = steps.FirstOrDefault(s => s.Status == SignalingChannelTestStep.Failed)?.Name;
    }

    /// <summary>The channel's ARN; null when the channel was given by a name that did not resolve.</summary>
    public string? ChannelARN { get; }

    /// <summary>The channel's name.</summary>
    public string ChannelName { get; }

    /// <summary>MASTER or VIEWER: the role the checks ran as.</summary>
    public string Role { get; }

    /// <summary>The client id the viewer checks used; null for a master.</summary>
    public string? ClientId { get; }

    /// <summary>True when every check passed.</summary>
    public bool Passed { get; }

    /// <summary>The name of the check that failed; null when all passed.</summary>
    public string? FailedStep { get; }

    /// <summary>Every check, in the order they run; those after a failure are Skipped.</summary>
    public SignalingChannelTestStep[] Steps { get; }

    /// <summary>The channel, role and outcome, with the failing check and its error.</summary>
    public override string ToString()
    {
        var failed = Steps.FirstOrDefault(s => s.Status == SignalingChannelTestStep.Failed);
        return $"{ChannelName} {Role}: " + (failed is null ? "passed" : $"failed at {failed.Name} ({failed.ErrorId}: {failed.Error})");
    }

    internal PSObject ToPSObject()
    {
        var wrapped = new PSObject(this);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }
}

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
