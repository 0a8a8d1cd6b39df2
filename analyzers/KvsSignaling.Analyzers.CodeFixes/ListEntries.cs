using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KvsSignaling.Analyzers.CodeFixes;

/// <summary>Removing an element from a list written out in source, as the fixes of repeated protocols do.</summary>
internal static class ListEntries
{
    /// <summary>The node that holds the element in its list: an argument, a collection-expression element, or the expression itself.</summary>
    public static SyntaxNode? ListEntryOf(SyntaxNode element) => element.Parent switch
    {
        ArgumentSyntax argument when argument.Parent is ArgumentListSyntax => argument,
        ExpressionElementSyntax expressionElement => expressionElement,
        InitializerExpressionSyntax => element,
        _ => null,
    };

    /// <summary>
    /// Removes the entry with the separator before it (from the end of the previous entry), so that the layout of
    /// the rest of the list, one entry per line or all on one line, stays as it was.
    /// </summary>
    public static async Task<Document> RemoveAsync(Document document, SyntaxNode entry, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(RemovedSpan(entry), string.Empty)));
    }

    public static TextSpan RemovedSpan(SyntaxNode entry)
    {
        var siblings = entry.Parent!.ChildNodesAndTokens().ToList();
        var index = siblings.IndexOf(entry);
        for (var i = index - 1; i >= 0; i--)
        {
            if (siblings[i].IsNode)
            {
                return TextSpan.FromBounds(siblings[i].Span.End, entry.Span.End);
            }
        }

        for (var i = index + 1; i < siblings.Count; i++)
        {
            if (siblings[i].IsNode)
            {
                return TextSpan.FromBounds(entry.Span.Start, siblings[i].Span.Start);
            }
        }

        return entry.Span;
    }
}
