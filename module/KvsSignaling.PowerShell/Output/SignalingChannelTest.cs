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
