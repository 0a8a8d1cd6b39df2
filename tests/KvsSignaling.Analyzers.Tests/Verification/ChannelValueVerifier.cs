using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KvsSignaling.Analyzers.Tests.Verification;

/// <summary>
/// Runs <see cref="ChannelValueAnalyzer"/> and its code fixes over test sources plus the stubs. In a source,
/// <c>[|…|]</c> marks a diagnostic of the test's rule, <c>{|KVS1003:…|}</c> one of another rule, and
/// <c>{|#0:…|}</c> a location that an expected <see cref="DiagnosticResult"/> refers to.
/// </summary>
internal static class ChannelValueVerifier
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Checks that the analyzer reports exactly the marked and the expected diagnostics.</summary>
    public static Task AnalyzeAsync(DiagnosticDescriptor rule, string source, params DiagnosticResult[] expected) =>
        AnalyzeAsync(rule, source, Stub.All, expected);

    public static Task AnalyzeAsync(DiagnosticDescriptor rule, string source, string[] stubs, params DiagnosticResult[] expected)
    {
        var test = Create<EmptyCodeFixProvider>(rule, source, stubs);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks the diagnostics, the fix named by <paramref name="equivalenceKey"/>, and Fix All in document, project and solution.</summary>
    public static Task FixAsync<TCodeFix>(DiagnosticDescriptor rule, string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = Create<TCodeFix>(rule, source, Stub.All);
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        AddStubs(test.FixedState, Stub.All);
        test.CodeActionEquivalenceKey = equivalenceKey;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="FixAsync{TCodeFix}(DiagnosticDescriptor, string, string, string, DiagnosticResult[])"/> over several files.</summary>
    public static Task FixAsync<TCodeFix>(DiagnosticDescriptor rule, string[] sources, string[] fixedSources, string equivalenceKey)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new Test<TCodeFix>(rule) { ReferenceAssemblies = TestReferences.Net80 };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        AddStubs(test.TestState, Stub.All);
        AddStubs(test.FixedState, Stub.All);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync();
    }

    /// <summary>A test of one source file that the caller may configure further (editorconfig, compiler diagnostics).</summary>
    public static Test<TCodeFix> Create<TCodeFix>(DiagnosticDescriptor rule, string source, string[] stubs)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new Test<TCodeFix>(rule) { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        AddStubs(test.TestState, stubs);
        return test;
    }

    private static void AddStubs(SolutionState state, string[] stubs)
    {
        foreach (var stub in stubs)
        {
            state.Sources.Add(($"/0/Stubs/{stub}", Stub.Source(stub)));
        }
    }

    public sealed class Test<TCodeFix>(DiagnosticDescriptor rule) : CSharpCodeFixTest<ChannelValueAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => rule;
    }
}
