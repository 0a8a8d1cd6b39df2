using KvsSignaling.Grammar;
using Microsoft.CodeAnalysis;

namespace KvsSignaling.Analyzers;

/// <summary>Every rule the analyzers report, built by one factory that also makes the help link.</summary>
public static partial class Descriptors
{
    // DocumentationRoot, where the rule pages live, is generated from the repository's address (KvsSignaling.Analyzers.csproj).

    private const string UsageCategory = "Usage";

    /// <summary>KVS1001: a constant that is not MASTER or VIEWER flows into a channel role.</summary>
    public static readonly DiagnosticDescriptor InvalidChannelRole = Create(
        DiagnosticIds.InvalidChannelRole,
        "Channel role is not " + ChannelValueGrammar.ChoiceOf(ChannelValueGrammar.Roles),
        "'{0}' is not a channel role: the service accepts only " + ChannelValueGrammar.ChoiceOf(ChannelValueGrammar.Roles) + ", in upper case{1}",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>KVS1002: a constant that is not WSS, HTTPS or WEBRTC flows into a channel protocol.</summary>
    public static readonly DiagnosticDescriptor InvalidChannelProtocol = Create(
        DiagnosticIds.InvalidChannelProtocol,
        "Channel protocol is not " + ChannelValueGrammar.ChoiceOf(ChannelValueGrammar.Protocols),
        "'{0}' is not a channel protocol: the service accepts only " + ChannelValueGrammar.ChoiceOf(ChannelValueGrammar.Protocols) + ", in upper case{1}",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>KVS1003: the same protocol appears twice in one protocol list.</summary>
    public static readonly DiagnosticDescriptor DuplicateChannelProtocol = Create(
        DiagnosticIds.DuplicateChannelProtocol,
        "Protocol is listed more than once",
        "Protocol '{0}' is already in this protocol list",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>KVS1004: a protocol list whose size is known holds no protocol or more than five.</summary>
    public static readonly DiagnosticDescriptor ProtocolCountOutOfRange = Create(
        DiagnosticIds.ProtocolCountOutOfRange,
        $"Protocol list must hold {ChannelValueGrammar.ProtocolsMin} to {ChannelValueGrammar.ProtocolsMax} protocols",
        "This protocol list holds {0} protocols: the service accepts " + $"{ChannelValueGrammar.ProtocolsMin} to {ChannelValueGrammar.ProtocolsMax}",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>KVS1005: a constant that is not a well-formed signaling-channel ARN flows into a channel ARN.</summary>
    public static readonly DiagnosticDescriptor MalformedChannelArn = Create(
        DiagnosticIds.MalformedChannelArn,
        "Channel ARN is malformed",
        "'{0}' is not a signaling channel ARN: {1} (expected " + ChannelArnGrammar.Shape + ")",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>KVS1006: a parameter name that Get-KvsSignalingChannelEndpoint does not have, passed through PowerShell's AddParameter.</summary>
    public static readonly DiagnosticDescriptor UnknownCommandParameter = Create(
        DiagnosticIds.UnknownCommandParameter,
        "Command has no such parameter",
        "'{0}' is not a parameter of {1}{2}",
        UsageCategory,
        DiagnosticSeverity.Warning);

    /// <summary>KVS1007: a constant that the signaling service refuses as a client id flows into a client id.</summary>
    public static readonly DiagnosticDescriptor InvalidClientId = Create(
        DiagnosticIds.InvalidClientId,
        "Invalid signaling client id",
        ClientIdGrammar.MessageFormat,
        UsageCategory,
        DiagnosticSeverity.Warning);

    // Category and severity are arguments so that release tracking (RS2008) reads them at each call.
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity) =>
        new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: DocumentationRoot + HelpPath(id));

    /// <summary>The repository-relative path of a rule's help page.</summary>
    public static string HelpPath(string id) => "docs/rules/" + id + ".md";
}
