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
            default:
                if (collection.Syntax is CollectionExpressionSyntax)
                {
                    complete = CollectCollectionExpression(collection, elements);
                    return true;
                }

                return false;
        }
    }

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

        // new string[0] holds nothing; new string[n] holds nulls the service would refuse anyway.
        complete = array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 };
        return complete;
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

    /// <summary>Adds the elements and returns true when there is no spread, so that the size is known.</summary>
    private static bool CollectCollectionExpression(IOperation collection, List<IOperation> elements)
    {
        var complete = true;
        foreach (var child in collection.ChildOperations)
        {
            if (child.Syntax is SpreadElementSyntax || child.Syntax.Parent is SpreadElementSyntax)
            {
                complete = false;
                continue;
            }

            elements.Add(child);
        }

        return complete;
    }
}
