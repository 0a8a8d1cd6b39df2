using KvsSignaling.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>What each parameter, property and field expects, worked out once per symbol.</summary>
internal sealed partial class CompilationAnalysis
{
    private ValueSink GetSink(ISymbol symbol)
    {
        symbol = symbol.OriginalDefinition;
        return _sinks.TryGetValue(symbol, out var sink) ? sink : _sinks.GetOrAdd(symbol, ComputeSink(symbol));
    }

    private ValueSink ComputeSink(ISymbol symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol property when _symbols.AwsChannelArnProperties.Contains(property):
                return new ValueSink(ChannelValueKind.Arn, isCollection: false);
            case IPropertySymbol property when SymbolEqualityComparer.Default.Equals(property, _symbols.AwsProtocolsProperty):
                return new ValueSink(ChannelValueKind.Protocol, isCollection: true);
            case IPropertySymbol property when SymbolEqualityComparer.Default.Equals(property, _symbols.AwsClientIdProperty):
                return new ValueSink(ChannelValueKind.ClientId, isCollection: false);
            case IParameterSymbol parameter when IsClientIdOfClient(parameter):
                return new ValueSink(ChannelValueKind.ClientId, isCollection: false);
            case IParameterSymbol parameter when KindOfTypedValueParameter(parameter) is var typed && typed != ChannelValueKind.None:
                return new ValueSink(typed, isCollection: false);
        }

        var marked = _symbols.HasMarkers ? MarkedKind(symbol) : ChannelValueKind.None;
        if (marked == ChannelValueKind.None && _symbols.HasMarkers && symbol is IParameterSymbol positional
            && PositionalProperty(positional) is { } positionalProperty)
        {
            marked = MarkedKind(positionalProperty);
        }
        if (marked == ChannelValueKind.None)
        {
            return ValueSink.None;
        }

        var type = symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type?.SpecialType == SpecialType.System_String)
        {
            return new ValueSink(marked, isCollection: false);
        }

        return IsStringCollection(type) ? new ValueSink(marked, isCollection: true) : ValueSink.None;
    }

    /// <summary>
    /// A <c>clientId</c> string parameter of a method of KvsSignaling's client or its interface
    /// (<c>CreatePresignedConnectUrlAsync</c>, <c>GetIceServerConfigAsync</c>, <c>ConnectAsync</c>): matched by
    /// name, so that methods the library adds are checked without a marker.
    /// </summary>
    private bool IsClientIdOfClient(IParameterSymbol parameter) =>
        parameter.Name == KnownSymbols.ClientIdParameterName
        && parameter.Type.SpecialType == SpecialType.System_String
        && parameter.ContainingSymbol is IMethodSymbol method
        && _symbols.IsKvsClient(method.ContainingType);

    /// <summary>
    /// The string parameter of the typed classes' own parsing members: <c>ChannelRole.Parse(string)</c> of
    /// KvsSignaling, and <c>ChannelRole.FindValue(string)</c> and <c>new ChannelRole(string)</c> of the AWS SDK.
    /// </summary>
    private ChannelValueKind KindOfTypedValueParameter(IParameterSymbol parameter)
    {
        if (parameter.Ordinal != 0
            || parameter.Type.SpecialType != SpecialType.System_String
            || parameter.ContainingSymbol is not IMethodSymbol method
            || method.Parameters.Length != 1)
        {
            return ChannelValueKind.None;
        }

        var kind = _symbols.TypedKind(method.ContainingType);
        if (kind == ChannelValueKind.None)
        {
            return kind;
        }

        var isParser = method.Name switch
        {
            "Parse" => method.IsStatic,
            "FindValue" => method.IsStatic,
            _ => method.MethodKind == MethodKind.Constructor,
        };
        return isParser ? kind : ChannelValueKind.None;
    }

    private static ChannelValueKind MarkedKind(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type?.ContainingNamespace?.ToDisplayString() != KnownSymbols.MarkerNamespace)
            {
                continue;
            }

            switch (type.Name)
            {
                case KnownSymbols.RoleMarkerName:
                    return ChannelValueKind.Role;
                case KnownSymbols.ProtocolMarkerName:
                    return ChannelValueKind.Protocol;
                case KnownSymbols.ArnMarkerName:
                    return ChannelValueKind.Arn;
                case KnownSymbols.ClientIdMarkerName:
                    return ChannelValueKind.ClientId;
            }
        }

        return ChannelValueKind.None;
    }

    /// <summary>
    /// The property a record's positional parameter declares: <c>record R([property: ChannelRoleValue] string Role)</c>
    /// marks the property, and a value passed to the constructor ends up in it.
    /// </summary>
    private static IPropertySymbol? PositionalProperty(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            || !constructor.ContainingType.IsRecord
            || parameter.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var parameterSyntax = parameter.DeclaringSyntaxReferences[0];
        foreach (var member in constructor.ContainingType.GetMembers(parameter.Name))
        {
            if (member is IPropertySymbol property
                && !property.DeclaringSyntaxReferences.IsEmpty
                && property.DeclaringSyntaxReferences[0].Span == parameterSyntax.Span
                && property.DeclaringSyntaxReferences[0].SyntaxTree == parameterSyntax.SyntaxTree)
            {
                return property;
            }
        }

        return null;
    }

    private static bool IsStringCollection(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_String,
        INamedTypeSymbol { TypeArguments.Length: 1 } generic => generic.TypeArguments[0].SpecialType == SpecialType.System_String,
        _ => false,
    };
}
