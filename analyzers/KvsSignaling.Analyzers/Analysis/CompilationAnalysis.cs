using System.Collections.Concurrent;
using System.Collections.Immutable;
using KvsSignaling.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>
/// The analysis of one compilation: its resolved symbols, a cache of what each parameter, property and field
/// expects, and the callbacks. Each value position is handled by exactly one callback, so a value is reported once.
/// </summary>
internal sealed partial class CompilationAnalysis
{
    private readonly KnownSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, ValueSink> _sinks = new(SymbolEqualityComparer.Default);

    public CompilationAnalysis(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>A string converted to a typed value by its implicit operator: <c>Role = "MASTER"</c>, <c>ChannelArn arn = "arn:…"</c>.</summary>
    public void AnalyzeConversion(OperationAnalysisContext context)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (!KnownSymbols.MayBeTypedValue(conversion.Type))
        {
            return;
        }

        var kind = _symbols.TypedKind(conversion.Type);
        if (kind == ChannelValueKind.None
            || !conversion.Conversion.IsUserDefined
            || conversion.Operand.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        ValueReporter.CheckScalar(context, kind, conversion.Operand, (INamedTypeSymbol)conversion.Type!);
    }

    /// <summary>An object creation: its arguments, and a collection of typed protocols it may build.</summary>
    public void AnalyzeObjectCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        AnalyzeArguments(context, creation.Arguments);
        if (creation.Initializer is not null && _symbols.HasTypedProtocols)
        {
            AnalyzeTypedProtocolCollection(context);
        }
    }

    /// <summary>
    /// Arguments of parameters that expect a value: marked parameters, <c>Parse</c>, <c>FindValue</c>, AWS
    /// constructors, the client's <c>clientId</c> parameters. Walked from their call rather than registered one by one: arguments are the most frequent
    /// operation, and most calls have none worth a look.
    /// </summary>
    private void AnalyzeArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            // Cheap tests first: only string and collection parameters can expect a value, only constants and
            // written-out collections can be checked; the symbol lookup comes last.
            if (argument.Parameter is { } parameter
                && MayBeSink(parameter.Type)
                && ValueOperations.MayHoldConstants(argument.Value))
            {
                Check(context, GetSink(parameter), argument.Value);
            }
        }
    }

    /// <summary>
    /// An assignment, also inside object initializers and <c>with</c> expressions, and to an element of a
    /// protocol list (<c>Protocols[0] = "HTTPS"</c>).
    /// </summary>
    public void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (!ValueOperations.MayHoldConstants(assignment.Value))
        {
            return;
        }

        CheckTarget(context, assignment.Target, assignment.Value);
    }

    /// <summary>A deconstruction into members: <c>(options.Role, n) = ("MASTER", 1)</c>.</summary>
    public void AnalyzeDeconstruction(OperationAnalysisContext context)
    {
        var assignment = (IDeconstructionAssignmentOperation)context.Operation;
        CheckDeconstruction(context, assignment.Target, assignment.Value);
    }

    private void CheckDeconstruction(OperationAnalysisContext context, IOperation target, IOperation value)
    {
        if (target is not ITupleOperation targets || ValueOperations.SkipAllConversions(value) is not ITupleOperation values
            || targets.Elements.Length != values.Elements.Length)
        {
            return;
        }

        for (var i = 0; i < targets.Elements.Length; i++)
        {
            var element = values.Elements[i];
            if (targets.Elements[i] is ITupleOperation)
            {
                CheckDeconstruction(context, targets.Elements[i], element);
            }
            else if (ValueOperations.MayHoldConstants(element) && !IsUserDefinedConversion(element))
            {
                // A string element converts to a typed member with the tuple as a whole, not where it stands.
                var kind = KnownSymbols.MayBeTypedValue(targets.Elements[i].Type) ? _symbols.TypedKind(targets.Elements[i].Type) : ChannelValueKind.None;
                if (kind != ChannelValueKind.None && element.Type?.SpecialType == SpecialType.System_String)
                {
                    ValueReporter.CheckScalar(context, kind, element, null);
                }
                else
                {
                    CheckTarget(context, targets.Elements[i], element);
                }
            }
        }
    }

    private static bool IsUserDefinedConversion(IOperation operation) =>
        operation is IConversionOperation { Conversion.IsUserDefined: true };

    /// <summary>
    /// The initial value of a member that carries a marker: <c>[ChannelRoleValue] string Role { get; set; } = "MASTER"</c>,
    /// a field's initializer, a parameter's default value.
    /// </summary>
    public void AnalyzeInitializer(OperationAnalysisContext context)
    {
        var initializer = (ISymbolInitializerOperation)context.Operation;
        if (!ValueOperations.MayHoldConstants(initializer.Value))
        {
            return;
        }

        switch (initializer)
        {
            case IPropertyInitializerOperation property:
                foreach (var member in property.InitializedProperties)
                {
                    Check(context, GetSink(member), initializer.Value);
                }

                break;
            case IFieldInitializerOperation field:
                foreach (var member in field.InitializedFields)
                {
                    Check(context, GetSink(member), initializer.Value);
                }

                break;
            case IParameterInitializerOperation parameter:
                Check(context, GetSink(parameter.Parameter), initializer.Value);
                break;
        }
    }

    private void CheckTarget(OperationAnalysisContext context, IOperation target, IOperation value)
    {
        if (MemberOf(target) is { } member)
        {
            Check(context, GetSink(member), value);
            return;
        }

        // An element of a list or array member: one value of the list's kind.
        var list = target switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
            IArrayElementReferenceOperation element => element.ArrayReference,
            _ => null,
        };
        if (list is not null && MemberOf(list) is { } listMember && GetSink(listMember) is { IsCollection: true } sink)
        {
            ValueReporter.CheckScalar(context, sink.Kind, value, null);
        }
    }

    /// <summary>A collection initializer of a member: <c>Protocols = { "WSS", "HTTPS" }</c>.</summary>
    public void AnalyzeMemberInitializer(OperationAnalysisContext context)
    {
        var initializer = (IMemberInitializerOperation)context.Operation;
        if (MemberOf(initializer.InitializedMember) is not { } member)
        {
            return;
        }

        var sink = GetSink(member);
        if (sink.IsCollection)
        {
            ValueReporter.CheckCollection(context, sink.Kind, initializer.Initializer, checkElements: true);
        }
    }

    /// <summary>
    /// A collection of typed protocols written out in source (<c>new[] { ChannelProtocol.Wss, "HTTPS" }</c>):
    /// its elements are checked where they convert; here, duplicates and size.
    /// </summary>
    public void AnalyzeTypedProtocolCollection(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        var elementType = operation.Type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true } generic when generic.Arity == 1 => generic.TypeArguments[0],
            _ => null,
        };
        if (!KnownSymbols.MayBeTypedValue(elementType) || !_symbols.IsTypedProtocol(elementType))
        {
            return;
        }

        if (operation is IObjectCreationOperation { Initializer: null })
        {
            return; // filled later, if at all: its size is not known here
        }

        ValueReporter.CheckCollection(context, ChannelValueKind.Protocol, operation, checkElements: false);
    }

    /// <summary>A string, an array or a generic collection: the only types a parameter that expects a value has.</summary>
    private static bool MayBeSink(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || type.TypeKind == TypeKind.Array
        || type is INamedTypeSymbol { IsGenericType: true };

    private static ISymbol? MemberOf(IOperation target) => target switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    private static void Check(OperationAnalysisContext context, ValueSink sink, IOperation value)
    {
        if (sink.IsNone)
        {
            return;
        }

        if (sink.IsCollection)
        {
            ValueReporter.CheckCollection(context, sink.Kind, value, checkElements: true);
        }
        else
        {
            ValueReporter.CheckScalar(context, sink.Kind, value, null);
        }
    }
}
