using System;
using System.Collections.Immutable;
using KvsSignaling.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KvsSignaling.Analyzers;

/// <summary>
/// Reports constant values that the Kinesis Video Streams service would reject, wherever they flow into a channel
/// role, protocol, protocol list, channel ARN or signaling client id: KvsSignaling's typed values and client, the
/// AWS SDK's request model, marked parameters and properties, and the module's cmdlets hosted from C# through
/// PowerShell.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChannelValueAnalyzer : DiagnosticAnalyzer
{
    // Roslyn 4.8 has no OperationKind for collection expressions (they come as None); later compilers add one.
    private static readonly OperationKind? CollectionExpressionKind =
        Enum.TryParse<OperationKind>("CollectionExpression", out var kind) ? kind : null;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.InvalidChannelRole,
        Descriptors.InvalidChannelProtocol,
        Descriptors.DuplicateChannelProtocol,
        Descriptors.ProtocolCountOutOfRange,
        Descriptors.MalformedChannelArn,
        Descriptors.UnknownCommandParameter,
        Descriptors.InvalidClientId);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = KnownSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var analysis = new CompilationAnalysis(symbols);
        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        if (symbols.HasTypedValues)
        {
            context.RegisterOperationAction(analysis.AnalyzeConversion, OperationKind.Conversion);
        }

        if (symbols.HasAwsModel || symbols.HasMarkers)
        {
            context.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            context.RegisterOperationAction(analysis.AnalyzeMemberInitializer, OperationKind.MemberInitializer);
        }

        if (symbols.HasAwsModel || symbols.HasMarkers || symbols.HasTypedValues)
        {
            context.RegisterOperationAction(analysis.AnalyzeDeconstruction, OperationKind.DeconstructionAssignment);
        }

        if (symbols.HasMarkers)
        {
            context.RegisterOperationAction(
                analysis.AnalyzeInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.FieldInitializer,
                OperationKind.ParameterInitializer);
        }

        if (symbols.HasTypedProtocols)
        {
            context.RegisterOperationAction(
                analysis.AnalyzeTypedProtocolCollection,
                CollectionExpressionKind is { } collectionExpression
                    ? ImmutableArray.Create(OperationKind.ArrayCreation, collectionExpression)
                    : ImmutableArray.Create(OperationKind.ArrayCreation, OperationKind.None));
        }
    }
}
