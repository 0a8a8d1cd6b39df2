using System;
using KvsSignaling.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>Calls that put a value somewhere: adding to a protocol list, and PowerShell parameters of the endpoint cmdlet.</summary>
internal sealed partial class CompilationAnalysis
{
    private const string EndpointCommand = "Get-KvsSignalingChannelEndpoint";
    private const string QualifiedEndpointCommand = "\\" + EndpointCommand;
    private const int MaxFluentChain = 64;

    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        AnalyzeArguments(context, invocation.Arguments);
        switch (invocation.TargetMethod.Name)
        {
            case "Add":
            case "AddRange":
            case "Insert":
            case "InsertRange":
                AnalyzeCollectionAdd(context, invocation);
                break;
            case "AddParameter":
                AnalyzePowerShellParameter(context, invocation);
                break;
        }
    }

    /// <summary><c>config.Protocols.Add("HTTPS")</c>, <c>config.Protocols.AddRange(new[] { … })</c>: the list's size is not known.</summary>
    private void AnalyzeCollectionAdd(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (invocation.Instance is null || MemberOf(invocation.Instance) is not { } member)
        {
            return;
        }

        var sink = GetSink(member);
        if (!sink.IsCollection)
        {
            return;
        }

        var method = invocation.TargetMethod;
        var valueOrdinal = method.Name.StartsWith("Insert", StringComparison.Ordinal) ? 1 : 0;
        var value = ArgumentValue(invocation, valueOrdinal);
        if (value is null || method.Parameters.Length != valueOrdinal + 1)
        {
            return;
        }

        if (method.Name.EndsWith("Range", StringComparison.Ordinal))
        {
            ValueReporter.CheckCollection(context, sink.Kind, value, checkElements: true);
        }
        else
        {
            ValueReporter.CheckScalar(context, sink.Kind, value, null);
        }
    }

    /// <summary>
    /// <c>PowerShell.AddCommand("Get-KvsSignalingChannelEndpoint")…AddParameter("Role", "MASTER")</c> in one fluent
    /// chain. Role and Protocol both take one value or an array.
    /// </summary>
    private void AnalyzePowerShellParameter(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Parameters.Length != 2
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.PowerShell)
            || ArgumentValue(invocation, 0)?.ConstantValue is not { HasValue: true, Value: string parameterName })
        {
            return;
        }

        var kind = parameterName.Equals("Role", StringComparison.OrdinalIgnoreCase) ? ChannelValueKind.Role
            : parameterName.Equals("Protocol", StringComparison.OrdinalIgnoreCase) ? ChannelValueKind.Protocol
            : ChannelValueKind.None;
        var value = ArgumentValue(invocation, 1);
        if (kind == ChannelValueKind.None || value is null || !IsEndpointCommandChain(invocation.Instance))
        {
            return;
        }

        if (CollectionElements.TryCollect(value, new(), out _))
        {
            ValueReporter.CheckCollection(context, kind, value, checkElements: true);
        }
        else
        {
            ValueReporter.CheckScalar(context, kind, value, null);
        }
    }

    /// <summary>Walks back a fluent chain of parameters and arguments to the command they belong to.</summary>
    private bool IsEndpointCommandChain(IOperation? receiver)
    {
        for (var depth = 0; depth < MaxFluentChain; depth++)
        {
            if (receiver is not IInvocationOperation call
                || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _symbols.PowerShell))
            {
                return false;
            }

            switch (call.TargetMethod.Name)
            {
                case "AddCommand":
                    return ArgumentValue(call, 0)?.ConstantValue is { HasValue: true, Value: string command }
                        && (command.Equals(EndpointCommand, StringComparison.OrdinalIgnoreCase)
                            || command.EndsWith(QualifiedEndpointCommand, StringComparison.OrdinalIgnoreCase));
                case "AddParameter":
                case "AddParameters":
                case "AddArgument":
                    receiver = call.Instance;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static IOperation? ArgumentValue(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
