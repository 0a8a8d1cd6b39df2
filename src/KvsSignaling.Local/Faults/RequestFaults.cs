using KvsSignaling.Local.Wire;
using Microsoft.AspNetCore.Http;

namespace KvsSignaling.Local.Faults;

/// <summary>The faults that replace or delay the handling of an HTTP request (a service call or a WebSocket upgrade).</summary>
internal static class RequestFaults
{
    /// <summary>Answers the faults that replace handling; returns false when handling continues.</summary>
    public static async Task<bool> ApplyBeforeHandlingAsync(HttpContext context, FaultRule fault, string? errorTypeSuffix)
    {
        switch (fault.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.LatencyMs, context.RequestAborted);
                return false;
            case FaultKind.Throttle:
                await ResponseWriter.WriteErrorAsync(context, ServiceError.Throttled(fault.ErrorCode ?? KvsErrorCodes.ClientLimitExceededException, "Rate exceeded (injected by kvs-local)."), null, errorTypeSuffix);
                return true;
            case FaultKind.InternalError:
                await ResponseWriter.WriteErrorAsync(context, ServiceError.InternalFailure(), null, errorTypeSuffix);
                return true;
            case FaultKind.ServiceUnavailable:
                await ResponseWriter.WriteErrorAsync(context, ServiceError.ServiceUnavailable(), null, errorTypeSuffix);
                return true;
            case FaultKind.DropConnection:
                context.Abort();
                return true;
            case FaultKind.HtmlErrorPage:
                await ResponseWriter.WriteHtmlErrorAsync(context);
                return true;
            default:
                return false;
        }
    }
}
