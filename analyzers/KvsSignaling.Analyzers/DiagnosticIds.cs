namespace KvsSignaling.Analyzers;

/// <summary>The stable ids of the rules; code fixes and <c>.editorconfig</c> files refer to them.</summary>
public static class DiagnosticIds
{
    /// <summary>A channel role that is not MASTER or VIEWER.</summary>
    public const string InvalidChannelRole = "KVS1001";

    /// <summary>A channel protocol that is not WSS, HTTPS or WEBRTC.</summary>
    public const string InvalidChannelProtocol = "KVS1002";

    /// <summary>A protocol listed twice in one list.</summary>
    public const string DuplicateChannelProtocol = "KVS1003";

    /// <summary>A protocol list with no protocol or more than five.</summary>
    public const string ProtocolCountOutOfRange = "KVS1004";

    /// <summary>A malformed signaling-channel ARN.</summary>
    public const string MalformedChannelArn = "KVS1005";

    /// <summary>A parameter name the PowerShell command does not have.</summary>
    public const string UnknownCommandParameter = "KVS1006";

    /// <summary>A client id the signaling service refuses.</summary>
    public const string InvalidClientId = "KVS1007";
}
