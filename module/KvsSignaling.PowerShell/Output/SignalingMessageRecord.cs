using System.Globalization;
using System.Management.Automation;

namespace KvsSignaling.PowerShell.Output;

/// <summary>
/// One item Watch-KvsSignalingChannel received: a peer's SDP or ICE candidate, the service's status response or
/// notice, or the connection's own reconnect news. Properties that do not apply to the message type are null.
/// </summary>
public sealed class SignalingMessageRecord
{
    /// <summary>The type name the format file and scripts key on.</summary>
    public const string TypeName = "KvsSignaling.SignalingMessageRecord";

    internal SignalingMessageRecord(DateTime time, ChannelArn channelArn, ChannelRole role, SignalingMessage message)
    {
        Time = time;
        ChannelARN = channelArn.Value;
        Role = role.Value;
        MessageType = message.Type.ToString();
        switch (message)
        {
            case SdpMessage sdp:
                SenderClientId = sdp.SenderClientId;
                Sdp = sdp.Sdp;
                Payload = sdp.Payload;
                break;
            case IceCandidateMessage ice:
                SenderClientId = ice.SenderClientId;
                Candidate = ice.Candidate;
                SdpMid = ice.SdpMid;
                SdpMLineIndex = ice.SdpMLineIndex;
                Payload = ice.Payload;
                break;
            case StatusResponseMessage status:
                CorrelationId = status.CorrelationId;
                StatusCode = status.StatusCode;
                ErrorType = status.ErrorType;
                Description = status.Description;
                break;
            case ConnectionStateMessage state:
                Reason = state.Reason.ToString();
                Attempt = state.Attempt;
                Delay = state.Type == SignalingMessageType.Reconnecting ? state.Delay : null;
                Error = state.Cause?.Message;
                break;
        }
    }

    /// <summary>When the message was taken from the connection (UTC).</summary>
    public DateTime Time { get; }

    /// <summary>The channel watched.</summary>
    public string ChannelARN { get; }

    /// <summary>The role the watch connected as.</summary>
    public string Role { get; }

    /// <summary>
    /// SdpOffer, SdpAnswer, IceCandidate (from a peer), StatusResponse, GoAway, ReconnectIceServer (from the service),
    /// Reconnecting or Reconnected (the connection's own).
    /// </summary>
    public string MessageType { get; }

    /// <summary>The viewer that sent a message to the master; null on messages from the master.</summary>
    public string? SenderClientId { get; }

    /// <summary>The session description of an SDP offer or answer.</summary>
    public string? Sdp { get; }

    /// <summary>The candidate line of an ICE candidate (empty marks the end of candidates).</summary>
    public string? Candidate { get; }

    /// <summary>The media stream identification tag of an ICE candidate, when given.</summary>
    public string? SdpMid { get; }

    /// <summary>The media description index of an ICE candidate, when given.</summary>
    public int? SdpMLineIndex { get; }

    /// <summary>A peer message's payload as sent, decoded from base64 (usually JSON).</summary>
    public string? Payload { get; }

    /// <summary>The correlation id a status response answers.</summary>
    public string? CorrelationId { get; }

    /// <summary>The status of a status response, for example 400.</summary>
    public int? StatusCode { get; }

    /// <summary>The error of a status response, for example InvalidArgumentException.</summary>
    public string? ErrorType { get; }

    /// <summary>The service's description of a status response's error.</summary>
    public string? Description { get; }

    /// <summary>Why the connection reconnects: GoAway or ConnectionLost.</summary>
    public string? Reason { get; }

    /// <summary>The reconnect attempt, from 1.</summary>
    public int? Attempt { get; }

    /// <summary>The backoff before a reconnect attempt.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>What ended the last connection or failed the last attempt, when there was an error.</summary>
    public string? Error { get; }

    /// <summary>The message in one line, for the default view: the SDP's type and size, the candidate, the status, or the reconnect.</summary>
    public string Summary => MessageType switch
    {
        nameof(SignalingMessageType.SdpOffer) or nameof(SignalingMessageType.SdpAnswer) => Sdp is null
            ? "(no sdp) " + Payload
            : string.Format(CultureInfo.InvariantCulture, "{0} lines, {1} characters", Sdp.Split('\n').Length, Sdp.Length),
        nameof(SignalingMessageType.IceCandidate) => Candidate is null ? "(no candidate) " + Payload : Candidate.Length == 0 ? "(end of candidates)" : Candidate,
        nameof(SignalingMessageType.StatusResponse) => $"{CorrelationId}: {StatusCode} {ErrorType} {Description}".TrimEnd(),
        nameof(SignalingMessageType.Reconnecting) => string.Format(CultureInfo.InvariantCulture, "{0}, attempt {1} in {2:F0} ms{3}", Reason, Attempt, Delay?.TotalMilliseconds ?? 0, Error is null ? string.Empty : ": " + Error),
        nameof(SignalingMessageType.Reconnected) => string.Format(CultureInfo.InvariantCulture, "{0}, attempt {1}", Reason, Attempt),
        _ => string.Empty,
    };

    /// <summary>The time, type, sender and summary.</summary>
    public override string ToString() => $"{Time:HH:mm:ss.fff} {MessageType}{(SenderClientId is null ? string.Empty : " from " + SenderClientId)} {Summary}".TrimEnd();

    internal PSObject ToPSObject()
    {
        var wrapped = new PSObject(this);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }
}
