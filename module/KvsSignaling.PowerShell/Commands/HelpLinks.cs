namespace KvsSignaling.PowerShell.Commands;

/// <summary>Each cmdlet's online help (Get-Help -Online): its section of docs/module.md in the repository.</summary>
internal static partial class HelpLinks
{
    public const string Module = DocumentationRoot + "docs/module.md";

    public const string GetKvsSignalingChannelEndpoint = Module + "#get-kvssignalingchannelendpoint";

    public const string GetKvsSignalingChannel = Module + "#get-kvssignalingchannel";

    public const string NewKvsSignalingChannel = Module + "#new-kvssignalingchannel";

    public const string RemoveKvsSignalingChannel = Module + "#remove-kvssignalingchannel";

    public const string SetKvsSignalingChannel = Module + "#set-kvssignalingchannel";

    public const string AddKvsSignalingChannelTag = Module + "#add-kvssignalingchanneltag";

    public const string RemoveKvsSignalingChannelTag = Module + "#remove-kvssignalingchanneltag";

    public const string GetKvsSignalingPresignedUrl = Module + "#get-kvssignalingpresignedurl";

    public const string GetKvsIceServerConfig = Module + "#get-kvsiceserverconfig";

    public const string TestKvsSignalingChannel = Module + "#test-kvssignalingchannel";

    public const string WatchKvsSignalingChannel = Module + "#watch-kvssignalingchannel";
}
