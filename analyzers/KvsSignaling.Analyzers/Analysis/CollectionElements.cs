using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>The element values of a collection written out in source: array creations, collection initializers, collection expressions.</summary>
internal static class CollectionElements
{
    /// <summary>
    /// Adds the elements of <paramref name="collection"/> to <paramref name="elements"/>. Returns false when the
    /// operation creates no collection from written-out elements. <paramref name="complete"/> says whether the
    /// elements are all the collection holds, so that its size is known.
    /// </summary>
    public static bool TryCollect(IOperation collection, List<IOperation> elements, out bool complete)
    {
        complete = false;
        collection = ValueOperations.SkipImplicitConversions(collection);
        switch (collection)
        {
            case IArrayCreationOperation array:
                return TryCollectArray(array, elements, out complete);
            case IObjectCreationOperation creation:
                return TryCollectObjectCreation(creation, elements, out complete);
            case IObjectOrCollectionInitializerOperation initializer:
                // A collection initializer of a member adds to whatever the member already holds.
                return TryCollectInitializer(initializer, elements);
            case IInvocationOperation invocation when IsCopy(invocation):
                // new[] { "WSS", "HTTP" }.ToList(): the same elements in another collection.
                return TryCollect(invocation.Arguments[0].Value, elements, out complete);
            default:
                if (collection.Syntax is CollectionExpressionSyntax)
                {
                    complete = CollectCollectionExpression(collection, elements);
                    return true;
                }

                return false;
        }
    }

    /// <summary>
    /// How many elements the collection holds beyond those written out: <c>new ChannelProtocol[6]</c> holds six
    /// unset ones.
    /// </summary>
    public static int UnwrittenElements(IOperation collection) =>
        ValueOperations.SkipImplicitConversions(collection) is IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } array
        && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size } && size > 0
            ? size
            : 0;

    /// <summary><c>Enumerable.ToList</c> and <c>ToArray</c>, which copy their source as it is.</summary>
    public static bool IsCopy(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "ToList" or "ToArray"
        && invocation.Arguments.Length == 1
        && invocation.TargetMethod.ContainingType is { Name: "Enumerable" } type
        && type.ContainingNamespace?.ToDisplayString() == "System.Linq";

    private static bool TryCollectArray(IArrayCreationOperation array, List<IOperation> elements, out bool complete)
    {
        if (array.Initializer is not null)
        {
            foreach (var element in array.Initializer.ElementValues)
            {
                elements.Add(element);
            }

            complete = true;
            return true;
        }

        // new string[0] holds nothing; new string[n] holds n nulls (UnwrittenElements), which the service refuses anyway.
        complete = array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 };
        return array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int };
    }

    private static bool TryCollectObjectCreation(IObjectCreationOperation creation, List<IOperation> elements, out bool complete)
    {
        complete = false;
        var fromArguments = true;
        var hasSource = false;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Value.Type?.SpecialType == SpecialType.System_Int32)
            {
                continue; // a capacity
            }

            hasSource = true;
            fromArguments &= TryCollect(argument.Value, elements, out var argumentComplete) && argumentComplete;
        }

        if (creation.Initializer is IObjectOrCollectionInitializerOperation initializer
            && (IsCollectionInitializer(initializer) || initializer.Initializers.IsEmpty))
        {
            TryCollectInitializer(initializer, elements);
            complete = fromArguments;
            return true;
        }

        if (hasSource)
        {
            complete = fromArguments;
            return true;
        }

        return false;
    }

    private static bool TryCollectInitializer(IObjectOrCollectionInitializerOperation initializer, List<IOperation> elements)
    {
        // An empty initializer `{ }` parses as an object initializer.
        if (!IsCollectionInitializer(initializer) && !initializer.Initializers.IsEmpty)
        {
            return false;
        }

        foreach (var add in initializer.Initializers)
        {
            if (add is IInvocationOperation { Arguments.Length: 1 } invocation)
            {
                elements.Add(invocation.Arguments[0].Value);
            }
        }

        return true;
    }

    private static bool IsCollectionInitializer(IObjectOrCollectionInitializerOperation initializer) =>
        initializer.Syntax.IsKind(SyntaxKind.CollectionInitializerExpression);

    /// <summary>
    /// Adds the elements, those of spread collections written out in source too (<c>[.. new[] { "HTTP" }]</c>),
    /// and returns true when every spread is such a collection, so that the size is known.
    /// </summary>
    private static bool CollectCollectionExpression(IOperation collection, List<IOperation> elements)
    {
        var complete = true;
        foreach (var child in collection.ChildOperations)
        {
            // Roslyn 4.8 gives the spread's operand with the spread's syntax as its parent; later ones a spread operation.
            var spread = child.Syntax is SpreadElementSyntax ? FirstChild(child)
                : child.Syntax.Parent is SpreadElementSyntax ? child
                : null;
            if (spread is not null || child.Syntax is SpreadElementSyntax)
            {
                var spreadComplete = false;
                complete &= spread is not null && TryCollect(spread, elements, out spreadComplete) && spreadComplete;
                continue;
            }

            elements.Add(child);
        }

        return complete;
    }

    private static IOperation? FirstChild(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            return child;
        }

        return null;
    }
}
