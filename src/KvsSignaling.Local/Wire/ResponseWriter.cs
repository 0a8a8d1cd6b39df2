using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Faults;
using Microsoft.AspNetCore.Http;

namespace KvsSignaling.Local.Wire;

/// <summary>Writes JSON answers and errors the way the service does, bending them when a body fault is in force.</summary>
internal static class ResponseWriter
{
    private const string HtmlErrorPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

    // Messages quote values with ' and patterns with +; the service sends them unescaped, and so does kvs-local.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes an error; <paramref name="errorTypeSuffix"/>, when set, follows the code after ':' as the service's front end adds it.</summary>
    public static Task WriteErrorAsync(HttpContext context, ServiceError error, FaultRule? fault, string? errorTypeSuffix)
    {
        context.Response.Headers["x-amzn-ErrorType"] = errorTypeSuffix is null ? error.Code : $"{error.Code}:{errorTypeSuffix}";
        return WriteJsonAsync(context, error.Status, new JsonObject { [error.MessageMember] = error.Message }, fault);
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body, FaultRule? fault)
    {
        if (fault?.Kind == FaultKind.OversizedBody)
        {
            var length = Encoding.UTF8.GetByteCount(body.ToJsonString(Json));
            body["Padding"] = new string('x', Math.Max(0, fault.SizeBytes - length - 14));
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Json));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        switch (fault?.Kind)
        {
            case FaultKind.MalformedBody:
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case FaultKind.TruncatedBody:
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    public static async Task WriteHtmlErrorAsync(HttpContext context)
    {
        var bytes = Encoding.UTF8.GetBytes(HtmlErrorPage);
        context.Response.StatusCode = 502;
        context.Response.ContentType = "text/html";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }
}
