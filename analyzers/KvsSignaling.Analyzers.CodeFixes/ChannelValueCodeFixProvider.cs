using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace KvsSignaling.Analyzers.CodeFixes;

/// <summary>
/// Replaces a rejected role or protocol literal by the allowed value it most likely meant (<c>"master"</c> →
/// <c>"MASTER"</c>, <c>"HTTP"</c> → <c>"HTTPS"</c>) or, where the literal converts to a typed class, by that class's
/// static member (<c>ChannelRole.MASTER</c>, <c>ChannelProtocol.Https</c>). Values that are not literals are left
/// alone: a constant defined elsewhere may be right for its other uses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChannelValueCodeFixProvider))]
// No [Shared]: hosts find package-delivered fixes by this attribute, not through MEF composition, and leaving out
// System.Composition keeps the assembly loadable in the oldest supported host (docs/analyzers.md).
public sealed class ChannelValueCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix that writes the allowed value as a string.</summary>
    public const string UseAllowedValueKey = "KvsSignaling.UseAllowedValue";

    /// <summary>Equivalence key of the fix that uses the typed class's static member.</summary>
    public const string UseTypedMemberKey = "KvsSignaling.UseTypedMember";

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(UseAllowedValueKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.InvalidChannelRole, DiagnosticIds.InvalidChannelProtocol);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion)
                || suggestion is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            if (diagnostic.Properties.ContainsKey(DiagnosticProperties.SuggestionIsListed)
                && ListEntries.ListEntryOf(literal) is { } entry)
            {
                // { "WSS", "wss" }: writing WSS would list it twice, so the fix leaves the one already there.
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove it: \"{suggestion}\" is already listed",
                        cancellationToken => ListEntries.RemoveAsync(context.Document, entry, cancellationToken),
                        UseAllowedValueKey),
                    diagnostic);
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use \"{suggestion}\"",
                    cancellationToken => ReplaceAsync(context.Document, literal, AllowedValueLiteral(suggestion), cancellationToken),
                    UseAllowedValueKey),
                diagnostic);

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.TypedValueType, out var typeName) && typeName is not null)
            {
                await RegisterTypedMemberFixAsync(context, diagnostic, literal, typeName, suggestion).ConfigureAwait(false);
            }
        }
    }

    private static async Task RegisterTypedMemberFixAsync(
        CodeFixContext context,
        Diagnostic diagnostic,
        LiteralExpressionSyntax literal,
        string typeName,
        string suggestion)
    {
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var type = model?.Compilation.GetTypeByMetadataName(typeName);
        if (model is null || type is null || FindStaticMember(type, suggestion) is not { } member
            || !model.IsAccessible(literal.SpanStart, member))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use {type.Name}.{member.Name}",
                cancellationToken => ReplaceWithMemberAsync(context.Document, literal, type, member.Name, cancellationToken),
                UseTypedMemberKey),
            diagnostic);
    }

    /// <summary>The static field or property holding the value: <c>MASTER</c> in the AWS SDK, <c>Master</c> in KvsSignaling.</summary>
    private static ISymbol? FindStaticMember(INamedTypeSymbol type, string value)
    {
        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (member.IsStatic
                && SymbolEqualityComparer.Default.Equals(memberType, type)
                && string.Equals(member.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }

    private static ExpressionSyntax AllowedValueLiteral(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    private static async Task<Document> ReplaceWithMemberAsync(
        Document document,
        LiteralExpressionSyntax literal,
        INamedTypeSymbol type,
        string memberName,
        CancellationToken cancellationToken)
    {
        var generator = SyntaxGenerator.GetGenerator(document);
        var typeExpression = generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation);
        var access = (ExpressionSyntax)generator.MemberAccessExpression(typeExpression, memberName);
        return await ReplaceAsync(document, literal, access.WithAdditionalAnnotations(Simplifier.Annotation), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax old, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old)));
    }
}
