using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>How a value looks once the conversions the compiler inserted are set aside.</summary>
internal static class ValueOperations
{
    /// <summary>The operand under implicit built-in conversions (boxing to <c>object</c>, string to interface).</summary>
    public static IOperation SkipImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion && !conversion.Conversion.IsUserDefined)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operand under every conversion, including user-defined ones from string to a typed value.</summary>
    public static IOperation SkipAllConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>True when an argument is worth a closer look.</summary>
    public static bool AnyMayHoldConstants(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (MayHoldConstants(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for values worth a closer look: constants, choices among values (<c>?:</c>, <c>switch</c>, <c>??</c>),
    /// collection creations and their copies (<c>.ToList()</c>).
    /// </summary>
    public static bool MayHoldConstants(IOperation value)
    {
        value = SkipImplicitConversions(value);
        return value.ConstantValue.HasValue
            || value.Kind is OperationKind.Conditional or OperationKind.SwitchExpression or OperationKind.Coalesce
                or OperationKind.ArrayCreation or OperationKind.ObjectCreation
            || value.Syntax.IsKind(SyntaxKind.CollectionExpression)
            || (value is IInvocationOperation invocation && CollectionElements.IsCopy(invocation));
    }
}
