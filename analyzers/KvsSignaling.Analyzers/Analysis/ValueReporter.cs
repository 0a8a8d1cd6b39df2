using System.Collections.Generic;
using System.Collections.Immutable;
using KvsSignaling.Analyzers.Values;
using KvsSignaling.Grammar;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>Checks the constant values that flow into a role, protocol, ARN or client id position and reports the bad ones.</summary>
internal static class ValueReporter
{
    private const int MaxDisplayLength = 100;

    /// <summary>
    /// Checks one value. <paramref name="typedValueType"/> names the typed class the value converts to, when a
    /// static member of it could replace the literal. <paramref name="listed"/> holds the protocols already in the
    /// list the value belongs to, if any: a value whose fix would repeat one of them is fixed by its removal.
    /// </summary>
    public static void CheckScalar(
        OperationAnalysisContext context,
        ChannelValueKind kind,
        IOperation value,
        INamedTypeSymbol? typedValueType,
        HashSet<string>? listed = null)
    {
        value = ValueOperations.SkipImplicitConversions(value);
        if (!value.ConstantValue.HasValue)
        {
            // Each constant a value may take: the arms of ?:, of a switch expression, the fallback of ??.
            switch (value)
            {
                case IConditionalOperation conditional:
                    CheckScalar(context, kind, conditional.WhenTrue, null, listed);
                    if (conditional.WhenFalse is not null)
                    {
                        CheckScalar(context, kind, conditional.WhenFalse, null, listed);
                    }

                    return;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        CheckScalar(context, kind, arm.Value, null, listed);
                    }

                    return;
                case ICoalesceOperation coalesce:
                    CheckScalar(context, kind, coalesce.Value, null, listed);
                    CheckScalar(context, kind, coalesce.WhenNull, null, listed);
                    return;
                default:
                    return;
            }
        }

        if (value.ConstantValue.Value is not string text)
        {
            return;
        }

        switch (kind)
        {
            case ChannelValueKind.Role:
                CheckEnumerated(context, Descriptors.InvalidChannelRole, EnumeratedValues.Roles, value, text, typedValueType, null);
                break;
            case ChannelValueKind.Protocol:
                CheckEnumerated(context, Descriptors.InvalidChannelProtocol, EnumeratedValues.Protocols, value, text, typedValueType, listed);
                break;
            case ChannelValueKind.Arn:
                var problem = ChannelArnGrammar.FindProblem(text);
                if (problem is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.MalformedChannelArn, value.Syntax.GetLocation(), Display(text), Printable(problem)));
                }

                break;
            case ChannelValueKind.ClientId:
                // The problem shows the character it names on one line already (ClientIdGrammar).
                if (ClientIdGrammar.FindProblem(text) is { } clientIdProblem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidClientId, value.Syntax.GetLocation(), Display(text), clientIdProblem));
                }

                break;
        }
    }

    /// <summary>
    /// Checks a collection written out in source: each element when <paramref name="checkElements"/> (typed
    /// elements are checked where they convert, strings spread into them here), and for protocols duplicates and,
    /// when known, the size.
    /// </summary>
    public static void CheckCollection(OperationAnalysisContext context, ChannelValueKind kind, IOperation collection, bool checkElements)
    {
        var elements = new List<IOperation>();
        if (!CollectionElements.TryCollect(collection, elements, out var complete))
        {
            return;
        }

        HashSet<string>? listed = null;
        if (kind == ChannelValueKind.Protocol && elements.Count > 1)
        {
            listed = new HashSet<string>();
            foreach (var element in elements)
            {
                if (AllowedProtocolOf(element) is { } protocol)
                {
                    listed.Add(protocol);
                }
            }
        }

        foreach (var element in elements)
        {
            if (checkElements || ValueOperations.SkipImplicitConversions(element).Type?.SpecialType == SpecialType.System_String)
            {
                CheckScalar(context, kind, element, null, listed);
            }
        }

        if (kind != ChannelValueKind.Protocol)
        {
            return;
        }

        ReportDuplicates(context, elements);
        var unwritten = CollectionElements.UnwrittenElements(collection);
        var size = elements.Count + unwritten;
        if ((complete || unwritten > 0) && ChannelValueGrammar.ProtocolCountProblem(size) is not null)
        {
            var location = ValueOperations.SkipImplicitConversions(collection).Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProtocolCountOutOfRange, location, size));
        }
    }

    private static void CheckEnumerated(
        OperationAnalysisContext context,
        DiagnosticDescriptor descriptor,
        EnumeratedValues allowed,
        IOperation value,
        string text,
        INamedTypeSymbol? typedValueType,
        HashSet<string>? listed)
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
            if (listed is not null && !listed.Add(suggestion))
            {
                // { "WSS", "wss" }: the fix leaves one WSS rather than two.
                properties = properties.Add(DiagnosticProperties.SuggestionIsListed, "true");
            }
            else if (typedValueType is not null)
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

    /// <summary>The value as the message shows it: on one line (control characters escaped), at most 100 characters.</summary>
    private static string Display(string text) =>
        Printable(text.Length <= MaxDisplayLength ? text : text.Substring(0, MaxDisplayLength - 3) + "...");

    private static string Printable(string text) => ChannelValueGrammar.Printable(text);
}
