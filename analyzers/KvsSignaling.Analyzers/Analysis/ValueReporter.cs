using System.Collections.Generic;
using System.Collections.Immutable;
using KvsSignaling.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>Checks the constant values that flow into a role, protocol or ARN position and reports the bad ones.</summary>
internal static class ValueReporter
{
    private const int MaxDisplayLength = 100;
    private const int MaxProtocols = 5;

    /// <summary>
    /// Checks one value. <paramref name="typedValueType"/> names the typed class the value converts to, when a
    /// static member of it could replace the literal.
    /// </summary>
    public static void CheckScalar(OperationAnalysisContext context, ChannelValueKind kind, IOperation value, INamedTypeSymbol? typedValueType)
    {
        value = ValueOperations.SkipImplicitConversions(value);
        if (value is IConditionalOperation { ConstantValue.HasValue: false } conditional)
        {
            CheckScalar(context, kind, conditional.WhenTrue, null);
            if (conditional.WhenFalse is not null)
            {
                CheckScalar(context, kind, conditional.WhenFalse, null);
            }

            return;
        }

        if (value.ConstantValue is not { HasValue: true, Value: string text })
        {
            return;
        }

        switch (kind)
        {
            case ChannelValueKind.Role:
                CheckEnumerated(context, Descriptors.InvalidChannelRole, EnumeratedValues.Roles, value, text, typedValueType);
                break;
            case ChannelValueKind.Protocol:
                CheckEnumerated(context, Descriptors.InvalidChannelProtocol, EnumeratedValues.Protocols, value, text, typedValueType);
                break;
            case ChannelValueKind.Arn:
                var problem = ChannelArnRules.FindProblem(text);
                if (problem is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.MalformedChannelArn, value.Syntax.GetLocation(), Display(text), problem));
                }

                break;
        }
    }

    /// <summary>
    /// Checks a collection written out in source: each element when <paramref name="checkElements"/> (typed
    /// elements are checked where they convert), and for protocols duplicates and, when known, the size.
    /// </summary>
    public static void CheckCollection(OperationAnalysisContext context, ChannelValueKind kind, IOperation collection, bool checkElements)
    {
        var elements = new List<IOperation>();
        if (!CollectionElements.TryCollect(collection, elements, out var complete))
        {
            return;
        }

        if (checkElements)
        {
            foreach (var element in elements)
            {
                CheckScalar(context, kind, element, null);
            }
        }

        if (kind != ChannelValueKind.Protocol)
        {
            return;
        }

        ReportDuplicates(context, elements);
        if (complete && (elements.Count == 0 || elements.Count > MaxProtocols))
        {
            var location = ValueOperations.SkipImplicitConversions(collection).Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProtocolCountOutOfRange, location, elements.Count));
        }
    }

    private static void CheckEnumerated(
        OperationAnalysisContext context,
        DiagnosticDescriptor descriptor,
        EnumeratedValues allowed,
        IOperation value,
        string text,
        INamedTypeSymbol? typedValueType)
    {
        if (allowed.IsAllowed(text))
        {
            return;
        }

        var suggestion = allowed.Suggest(text);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (suggestion is not null)
        {
            properties = properties.Add(DiagnosticProperties.Suggestion, suggestion);
            if (typedValueType is not null)
            {
                properties = properties.Add(
                    DiagnosticProperties.TypedValueType,
                    typedValueType.ContainingNamespace.ToDisplayString() + "." + typedValueType.MetadataName);
            }
        }

        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        context.ReportDiagnostic(Diagnostic.Create(descriptor, value.Syntax.GetLocation(), properties, Display(text), hint));
    }

    private static void ReportDuplicates(OperationAnalysisContext context, List<IOperation> elements)
    {
        if (elements.Count < 2)
        {
            return;
        }

        var seen = new HashSet<string>();
        foreach (var element in elements)
        {
            var protocol = AllowedProtocolOf(element);
            if (protocol is not null && !seen.Add(protocol))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateChannelProtocol, element.Syntax.GetLocation(), protocol));
            }
        }
    }

    /// <summary>The allowed protocol an element stands for: a constant, or a static member such as <c>ChannelProtocol.Wss</c>.</summary>
    private static string? AllowedProtocolOf(IOperation element)
    {
        element = ValueOperations.SkipAllConversions(element);
        if (element.ConstantValue is { HasValue: true, Value: string text })
        {
            return EnumeratedValues.Protocols.IsAllowed(text) ? text : null;
        }

        var member = element switch
        {
            IFieldReferenceOperation { Instance: null } field => field.Field.Name,
            IPropertyReferenceOperation { Instance: null } property => property.Property.Name,
            _ => null,
        };
        return member is null ? null : EnumeratedValues.Protocols.MatchIgnoringCase(member);
    }

    private static string Display(string text) =>
        text.Length <= MaxDisplayLength ? text : text.Substring(0, MaxDisplayLength - 3) + "...";
}
