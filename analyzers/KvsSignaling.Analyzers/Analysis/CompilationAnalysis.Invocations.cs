using System;
using System.Collections.Generic;
using KvsSignaling.Analyzers.Values;
using KvsSignaling.Grammar;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>Calls that put a value somewhere: adding to a protocol list, and PowerShell parameters of the module's cmdlets.</summary>
internal sealed partial class CompilationAnalysis
{
    private const string EndpointCommand = "Get-KvsSignalingChannelEndpoint";
    private const string ClientIdParameter = "ClientId";
    private const int MaxFluentChain = 64;

    /// <summary>The module's cmdlets that take <c>-ClientId</c> (a string: a viewer's client id).</summary>
    private static readonly string[] ClientIdCommands =
    {
        "Get-KvsSignalingPresignedUrl",
        "Get-KvsIceServerConfig",
        "Test-KvsSignalingChannel",
        "Watch-KvsSignalingChannel",
    };

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
            case "Invoke" when invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke:
                AnalyzeLambdaArguments(context, invocation);
                break;
        }
    }

    /// <summary>
    /// A call of a lambda held in a local whose parameters carry markers:
    /// <c>var join = ([ChannelRoleValue] string role) => …; join("MASTER");</c>. The delegate's own parameters carry
    /// no attributes, so the arguments are checked against the lambda's.
    /// </summary>
    private void AnalyzeLambdaArguments(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (!_symbols.HasMarkers
            || invocation.Arguments.IsEmpty
            || invocation.Instance is not ILocalReferenceOperation local
            || local.Local.DeclaringSyntaxReferences.IsEmpty
            || local.Local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax declarator
            || declarator.Initializer?.Value is not ParenthesizedLambdaExpressionSyntax lambda
            || !HasAttributes(lambda.ParameterList)
            || !ValueOperations.AnyMayHoldConstants(invocation.Arguments)
            || declarator.SyntaxTree != invocation.Syntax.SyntaxTree
            || invocation.SemanticModel?.GetSymbolInfo(lambda, context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && parameter.Ordinal < method.Parameters.Length
                && ValueOperations.MayHoldConstants(argument.Value))
            {
                Check(context, GetSink(method.Parameters[parameter.Ordinal]), argument.Value);
            }
        }
    }

    private static bool HasAttributes(ParameterListSyntax parameters)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
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
    /// <c>PowerShell.AddCommand("Get-KvsSignalingChannelEndpoint")…AddParameter("Role", "MASTER")</c>, in one fluent
    /// chain or in statements on the same local. Role and Protocol both take one value or an array, ChannelARN one
    /// ARN or an array; a name that is no parameter of the command (nor a unique prefix of one) is reported.
    /// <c>AddParameter("ClientId", "viewer-1")</c> of a cmdlet that takes <c>-ClientId</c> is a client id.
    /// </summary>
    private void AnalyzePowerShellParameter(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        // Syntactic gates first: a constant name, then the PowerShell type, then the command it belongs to.
        if (invocation.TargetMethod.Parameters.Length is not (1 or 2)
            || ArgumentValue(invocation, 0) is not { ConstantValue: { HasValue: true, Value: string parameterName } } nameOperation
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.PowerShell)
            || CommandOf(invocation) is not { } command)
        {
            return;
        }

        if (!IsCommandName(command, EndpointCommand))
        {
            AnalyzeClientIdParameter(context, invocation, command, parameterName);
            return;
        }

        var parameter = EndpointCommandParameters.Resolve(parameterName, out var candidates);
        if (parameter is null)
        {
            var detail = candidates.Count > 1
                ? $": it could be any of {string.Join(", ", candidates)}"
                : string.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnknownCommandParameter,
                nameOperation.Syntax.GetLocation(),
                ChannelValueGrammar.Printable(parameterName),
                EndpointCommand,
                detail));
            return;
        }

        var kind = parameter switch
        {
            EndpointCommandParameters.Role => ChannelValueKind.Role,
            EndpointCommandParameters.Protocol => ChannelValueKind.Protocol,
            EndpointCommandParameters.ChannelArn => ChannelValueKind.Arn,
            _ => ChannelValueKind.None,
        };
        var value = invocation.TargetMethod.Parameters.Length == 2 ? ArgumentValue(invocation, 1) : null;
        if (kind == ChannelValueKind.None || value is null)
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

    /// <summary>
    /// <c>AddParameter("ClientId", "viewer-1")</c> for a cmdlet that takes <c>-ClientId</c>. Only the full name is
    /// matched (in any case, with or without a leading '-'): whether a shorter prefix binds to it depends on the
    /// cmdlet's other parameters.
    /// </summary>
    private static void AnalyzeClientIdParameter(OperationAnalysisContext context, IInvocationOperation invocation, string command, string parameterName)
    {
        var name = parameterName.StartsWith("-", StringComparison.Ordinal) ? parameterName.Substring(1) : parameterName;
        if (invocation.TargetMethod.Parameters.Length != 2
            || !name.Equals(ClientIdParameter, StringComparison.OrdinalIgnoreCase)
            || !IsClientIdCommand(command)
            || ArgumentValue(invocation, 1) is not { } value)
        {
            return;
        }

        ValueReporter.CheckScalar(context, ChannelValueKind.ClientId, value, null);
    }

    private static bool IsClientIdCommand(string command)
    {
        foreach (var candidate in ClientIdCommands)
        {
            if (IsCommandName(command, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The command the parameter belongs to (empty when not known at compile time), or null when none: the command
    /// added earlier in the same fluent chain, or, when the chain starts at a local, by the last statement before it
    /// that adds a command or statement to that local.
    /// </summary>
    private string? CommandOf(IInvocationOperation invocation)
    {
        var command = CommandOfChain(invocation.Instance, out var root);
        if (command is not null)
        {
            return command;
        }

        if (root is not ILocalReferenceOperation local)
        {
            return null;
        }

        // Statements of the enclosing block, up to the one holding this call.
        IOperation statement = invocation;
        while (statement.Parent is { } parent && parent is not IBlockOperation)
        {
            statement = parent;
        }

        if (statement.Parent is not IBlockOperation block)
        {
            return null;
        }

        string? lastCommand = null;
        foreach (var earlier in block.Operations)
        {
            if (earlier == statement)
            {
                break;
            }

            foreach (var chainEnd in ChainsOn(earlier, local.Local))
            {
                lastCommand = chainEnd;
            }
        }

        return lastCommand;
    }

    /// <summary>
    /// The command the last AddCommand of the chains in <paramref name="statement"/> on <paramref name="local"/>
    /// adds (empty when the chain adds a statement or an unknown command).
    /// </summary>
    private IEnumerable<string> ChainsOn(IOperation statement, ILocalSymbol local)
    {
        switch (statement)
        {
            case IExpressionStatementOperation { Operation: IInvocationOperation call }:
                var command = CommandOfChain(call, out var root);
                if (root is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && command is not null)
                {
                    yield return command;
                }

                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                            && declarator.Initializer?.Value is IInvocationOperation initial
                            && CommandOfChain(initial, out _) is { } declared)
                        {
                            yield return declared;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Walks back a fluent chain of PowerShell calls: the name the latest AddCommand gives (empty for AddStatement,
    /// AddScript or a name not known at compile time), or null when the chain adds no command; <paramref name="root"/>
    /// is where the chain starts.
    /// </summary>
    private string? CommandOfChain(IOperation? receiver, out IOperation? root)
    {
        root = receiver;
        for (var depth = 0; depth < MaxFluentChain; depth++)
        {
            if (receiver is not IInvocationOperation call
                || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _symbols.PowerShell))
            {
                root = receiver;
                return null;
            }

            switch (call.TargetMethod.Name)
            {
                case "AddCommand":
                    root = call.Instance;
                    return ArgumentValue(call, 0)?.ConstantValue is { HasValue: true, Value: string command } ? command : string.Empty;
                case "AddParameter":
                case "AddParameters":
                case "AddArgument":
                    receiver = call.Instance;
                    break;
                default:
                    root = call.Instance;
                    return string.Empty;
            }
        }

        root = null;
        return string.Empty;
    }

    /// <summary>The command's name, in any case, also qualified by its module (<c>KvsSignaling\Get-…</c>).</summary>
    private static bool IsCommandName(string command, string name) =>
        command.Equals(name, StringComparison.OrdinalIgnoreCase)
        || (command.Length > name.Length
            && command[command.Length - name.Length - 1] == '\\'
            && command.EndsWith(name, StringComparison.OrdinalIgnoreCase));

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
