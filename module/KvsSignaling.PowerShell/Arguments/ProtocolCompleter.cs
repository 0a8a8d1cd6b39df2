namespace KvsSignaling.PowerShell.Arguments;

/// <summary>Completes -Protocol with WSS, HTTPS and WEBRTC.</summary>
public sealed class ProtocolCompleter : CanonicalValueCompleter
{
    /// <summary>Creates the completer.</summary>
    public ProtocolCompleter()
        : base(ChannelProtocol.All.Select(p => p.Value))
    {
    }
}
