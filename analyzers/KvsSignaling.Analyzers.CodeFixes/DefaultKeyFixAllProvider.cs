using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KvsSignaling.Analyzers.CodeFixes;

/// <summary>
/// <see cref="WellKnownFixAllProviders.BatchFixer"/>, except that a request without an equivalence key means the
/// provider's default fix. <c>dotnet format analyzers</c> asks for Fix All without a key, and the batch fixer would
/// then only take actions that have none.
/// </summary>
internal sealed class DefaultKeyFixAllProvider : FixAllProvider
{
    private readonly string _defaultKey;

    public DefaultKeyFixAllProvider(string defaultKey) => _defaultKey = defaultKey;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is null)
        {
            var diagnostics = new ForwardingDiagnosticProvider(fixAllContext);
            fixAllContext = fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, _defaultKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, _defaultKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
        }

        return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
    }

    /// <summary>Hands out the diagnostics of the original request.</summary>
    private sealed class ForwardingDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _original;

        public ForwardingDiagnosticProvider(FixAllContext original) => _original = original;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Cast(_original.GetDocumentDiagnosticsAsync(document));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Cast(_original.GetProjectDiagnosticsAsync(project));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Cast(_original.GetAllDiagnosticsAsync(project));

        private static async Task<IEnumerable<Diagnostic>> Cast(Task<ImmutableArray<Diagnostic>> diagnostics) =>
            await diagnostics.ConfigureAwait(false);
    }
}
