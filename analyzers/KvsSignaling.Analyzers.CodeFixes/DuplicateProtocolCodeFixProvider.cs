using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KvsSignaling.Analyzers.CodeFixes;

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
            if (ListEntries.ListEntryOf(element) is not { } entry)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the duplicate protocol", cancellationToken => ListEntries.RemoveAsync(context.Document, entry, cancellationToken), RemoveDuplicateKey),
                diagnostic);
        }
    }
}
