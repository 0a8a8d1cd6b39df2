using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KvsSignaling.Analyzers;

/// <summary>Removes a protocol that is already in its list.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DuplicateProtocolCodeFixProvider))]
// No [Shared]: hosts find package-delivered fixes by this attribute, not through MEF composition, and leaving out
// System.Composition keeps the assembly loadable in the oldest supported host (docs/analyzers.md).
public sealed class DuplicateProtocolCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string RemoveDuplicateKey = "KvsSignaling.RemoveDuplicateProtocol";

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(RemoveDuplicateKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DuplicateChannelProtocol);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var element = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (ListEntryOf(element) is not { } entry)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the duplicate protocol", cancellationToken => RemoveAsync(context.Document, entry, cancellationToken), RemoveDuplicateKey),
                diagnostic);
        }
    }

    /// <summary>The node that holds the element in its list: an argument, a collection-expression element, or the expression itself.</summary>
    private static SyntaxNode? ListEntryOf(SyntaxNode element) => element.Parent switch
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
    private static async Task<Document> RemoveAsync(Document document, SyntaxNode entry, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(RemovedSpan(entry), string.Empty)));
    }

    private static TextSpan RemovedSpan(SyntaxNode entry)
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
