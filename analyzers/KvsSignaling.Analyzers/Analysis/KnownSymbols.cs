using System.Collections.Immutable;
using KvsSignaling.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>
/// The symbols the rules look for, resolved once per compilation by metadata name: the analyzer references neither
/// the KvsSignaling library, the AWS SDK nor PowerShell, so it works for users of any of them.
/// </summary>
internal sealed class KnownSymbols
{
    public const string MarkerNamespace = "KvsSignaling.CodeAnalysis";
    public const string RoleMarkerName = "ChannelRoleValueAttribute";
    public const string ProtocolMarkerName = "ChannelProtocolValueAttribute";
    public const string ArnMarkerName = "ChannelArnValueAttribute";
    public const string ClientIdMarkerName = "SignalingClientIdValueAttribute";

    /// <summary>The name of the client id parameters of KvsSignaling's client methods, which carry no marker.</summary>
    public const string ClientIdParameterName = "clientId";

    private const string AwsIceServerConfigRequestType = "Amazon.KinesisVideoSignalingChannels.Model.GetIceServerConfigRequest";

    private static readonly string[] AwsChannelArnRequestTypes =
    {
        "Amazon.KinesisVideo.Model.GetSignalingChannelEndpointRequest",
        "Amazon.KinesisVideo.Model.DescribeSignalingChannelRequest",
        "Amazon.KinesisVideo.Model.DeleteSignalingChannelRequest",
        "Amazon.KinesisVideo.Model.UpdateSignalingChannelRequest",
        "Amazon.KinesisVideo.Model.DescribeMediaStorageConfigurationRequest",
        "Amazon.KinesisVideo.Model.UpdateMediaStorageConfigurationRequest",
        AwsIceServerConfigRequestType,
        "Amazon.KinesisVideoSignalingChannels.Model.SendAlexaOfferToMasterRequest",
    };

    private KnownSymbols(Compilation compilation)
    {
        KvsRole = compilation.GetTypeByMetadataName("KvsSignaling.ChannelRole");
        KvsProtocol = compilation.GetTypeByMetadataName("KvsSignaling.ChannelProtocol");
        KvsArn = compilation.GetTypeByMetadataName("KvsSignaling.ChannelArn");
        AwsRole = compilation.GetTypeByMetadataName("Amazon.KinesisVideo.ChannelRole");
        AwsProtocol = compilation.GetTypeByMetadataName("Amazon.KinesisVideo.ChannelProtocol");
        PowerShell = compilation.GetTypeByMetadataName("System.Management.Automation.PowerShell");
        KvsClient = compilation.GetTypeByMetadataName("KvsSignaling.KvsSignalingClient");
        KvsClientInterface = compilation.GetTypeByMetadataName("KvsSignaling.IKvsSignalingClient");
        AwsClientIdProperty = FindProperty(compilation.GetTypeByMetadataName(AwsIceServerConfigRequestType), "ClientId");
        AwsProtocolsProperty = FindProperty(
            compilation.GetTypeByMetadataName("Amazon.KinesisVideo.Model.SingleMasterChannelEndpointConfiguration"),
            "Protocols");

        var arnProperties = ImmutableHashSet.CreateBuilder<IPropertySymbol>(SymbolEqualityComparer.Default);
        foreach (var typeName in AwsChannelArnRequestTypes)
        {
            var property = FindProperty(compilation.GetTypeByMetadataName(typeName), "ChannelARN");
            if (property is not null)
            {
                arnProperties.Add(property);
            }
        }

        AwsChannelArnProperties = arnProperties.ToImmutable();
        HasMarkers = HasType(compilation, RoleMarkerName)
            || HasType(compilation, ProtocolMarkerName)
            || HasType(compilation, ArnMarkerName)
            || HasType(compilation, ClientIdMarkerName);
    }

    public INamedTypeSymbol? KvsRole { get; }

    public INamedTypeSymbol? KvsProtocol { get; }

    public INamedTypeSymbol? KvsArn { get; }

    public INamedTypeSymbol? AwsRole { get; }

    public INamedTypeSymbol? AwsProtocol { get; }

    public INamedTypeSymbol? PowerShell { get; }

    public IPropertySymbol? AwsProtocolsProperty { get; }

    /// <summary><c>GetIceServerConfigRequest.ClientId</c> of the AWS SDK's signaling data plane.</summary>
    public IPropertySymbol? AwsClientIdProperty { get; }

    /// <summary>KvsSignaling's client, whose methods' <c>clientId</c> parameters take a client id.</summary>
    public INamedTypeSymbol? KvsClient { get; }

    /// <summary>The client's interface, when the library declares one.</summary>
    public INamedTypeSymbol? KvsClientInterface { get; }

    public ImmutableHashSet<IPropertySymbol> AwsChannelArnProperties { get; }

    /// <summary>True when a marker attribute is declared, by the KvsSignaling library or by the user's own copy.</summary>
    public bool HasMarkers { get; }

    public bool HasTypedValues => KvsRole is not null || KvsProtocol is not null || KvsArn is not null || AwsRole is not null || AwsProtocol is not null;

    public bool HasTypedProtocols => KvsProtocol is not null || AwsProtocol is not null;

    public bool HasAwsModel => AwsProtocolsProperty is not null || AwsClientIdProperty is not null || !AwsChannelArnProperties.IsEmpty;

    public bool HasKvsClient => KvsClient is not null || KvsClientInterface is not null;

    /// <summary>The symbols of a compilation, or null when it references none of them and there is nothing to check.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation)
    {
        var symbols = new KnownSymbols(compilation);
        return symbols.HasTypedValues || symbols.HasAwsModel || symbols.HasMarkers || symbols.HasKvsClient || symbols.PowerShell is not null
            ? symbols
            : null;
    }

    /// <summary>A cheap first test, by name, before the symbol comparisons of <see cref="TypedKind"/>.</summary>
    public static bool MayBeTypedValue(ITypeSymbol? type) =>
        type?.Name is "ChannelRole" or "ChannelProtocol" or "ChannelArn";

    /// <summary>The kind of value a typed class holds, or None when the type is none of them.</summary>
    public ChannelValueKind TypedKind(ITypeSymbol? type)
    {
        if (type is null)
        {
            return ChannelValueKind.None;
        }

        if (SymbolEqualityComparer.Default.Equals(type, KvsRole) || SymbolEqualityComparer.Default.Equals(type, AwsRole))
        {
            return ChannelValueKind.Role;
        }

        if (IsTypedProtocol(type))
        {
            return ChannelValueKind.Protocol;
        }

        return SymbolEqualityComparer.Default.Equals(type, KvsArn) ? ChannelValueKind.Arn : ChannelValueKind.None;
    }

    /// <summary>True for KvsSignaling's client and its interface.</summary>
    public bool IsKvsClient(ITypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, KvsClient) || SymbolEqualityComparer.Default.Equals(type, KvsClientInterface));

    public bool IsTypedProtocol(ITypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, KvsProtocol) || SymbolEqualityComparer.Default.Equals(type, AwsProtocol));

    private static IPropertySymbol? FindProperty(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }

    private static bool HasType(Compilation compilation, string name) =>
        !compilation.GetTypesByMetadataName(MarkerNamespace + "." + name).IsEmpty;
}
