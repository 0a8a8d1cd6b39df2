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

    /// <summary>True for values worth a closer look: constants, conditionals over constants, and collection creations.</summary>
    public static bool MayHoldConstants(IOperation value)
    {
        value = SkipImplicitConversions(value);
        return value.ConstantValue.HasValue
            || value.Kind is OperationKind.Conditional or OperationKind.ArrayCreation or OperationKind.ObjectCreation
            || value.Syntax.IsKind(SyntaxKind.CollectionExpression);
    }
}
