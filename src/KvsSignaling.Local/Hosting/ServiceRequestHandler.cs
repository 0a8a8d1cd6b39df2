using System.Text.Json;
using KvsSignaling.Local.Admin;
using KvsSignaling.Local.Auth;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Model;
using KvsSignaling.Local.Operations;
using KvsSignaling.Local.Quotas;
using KvsSignaling.Local.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KvsSignaling.Local.Hosting;

/// <summary>
/// Handles a request to the service paths in the service's order: count it, apply an injected fault,
/// verify the signature, find the operation, parse and validate the input against the model, apply
/// quotas, run the operation. Every answer carries x-amzn-RequestId; no failure leaks a stack trace.
/// </summary>
internal sealed class ServiceRequestHandler(
    OperationRouter router,
    IReadOnlyDictionary<string, IOperation> operations,
    SigV4Verifier verifier,
    QuotaGate? quotas,
    FaultInjector faults,
    RequestCounter counter,
    string? errorTypeSuffix)
{
    private const int MaxRequestBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var route = router.Resolve(path);
        var operation = route?.Operation;
        counter.Increment(operation?.Name ?? "Unknown");
        var fault = operation is null ? null : faults.Take(operation.Name);
        try
        {
            if (fault is not null && await RequestFaults.ApplyBeforeHandlingAsync(context, fault, errorTypeSuffix))
            {
                return;
            }

            var body = await ReadBodyAsync(context);
            var caller = verifier.Verify(SignableRequest.From(context), body);
            if (route is null || operation is null || !HttpMethods.Equals(context.Request.Method, operation.Method))
            {
                throw new ServiceErrorException(ServiceError.UnknownOperation(UnknownOperationMessage(context.Request.Method, path)));
            }

            if (!operations.TryGetValue(operation.Name, out var handler))
            {
                throw new ServiceErrorException(ServiceError.UnknownOperation(
                    $"kvs-local does not emulate {operation.Name}; it emulates {string.Join(", ", operations.Keys.Order(StringComparer.Ordinal))}."));
            }

            using var input = Parse(body);
            route.Validator.Validate(operation.InputShape!, input.RootElement);
            var operationContext = new OperationContext(caller, fault, route.EndpointId);
            quotas?.Check(operation.Name, caller.AccountId, handler.ChannelKey(input.RootElement, operationContext));
            var output = handler.Execute(input.RootElement, operationContext);
            await ResponseWriter.WriteJsonAsync(context, StatusCodes.Status200OK, output, fault);
        }
        catch (ServiceErrorException e)
        {
            await ResponseWriter.WriteErrorAsync(context, e.Error, fault, errorTypeSuffix);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            await ResponseWriter.WriteErrorAsync(context, ServiceError.InternalFailure(), null, errorTypeSuffix);
        }
    }

    // Data-plane calls sent to the control plane are a common client mistake; say where they belong.
    private static string UnknownOperationMessage(string method, string path) =>
        ServiceModel.Signaling.FindByPath(path) is { } dataPlane
            ? $"No operation is bound to {method} {path}: {dataPlane.Name} must be sent to the channel's HTTPS endpoint from GetSignalingChannelEndpoint."
            : $"No operation is bound to {method} {path}.";

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            throw new ServiceErrorException(ServiceError.RequestTooLarge(MaxRequestBodyBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxRequestBodyBytes)
            {
                throw new ServiceErrorException(ServiceError.RequestTooLarge(MaxRequestBodyBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // rest-json treats an empty body as an input with no members.
    private static JsonDocument Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return JsonDocument.Parse("{}");
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new ServiceErrorException(ServiceError.Serialization($"The request body is not valid JSON: {e.Message}"));
        }
    }
}
