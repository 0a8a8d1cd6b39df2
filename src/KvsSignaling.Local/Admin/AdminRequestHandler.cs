using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KvsSignaling.Local.Faults;
using Microsoft.AspNetCore.Http;

namespace KvsSignaling.Local.Admin;

/// <summary>
/// The HTTP face of <see cref="KvsLocalAdmin"/> under /_kvs-local/: unsigned, apart from the service paths,
/// and answered only to loopback clients.
/// </summary>
internal sealed class AdminRequestHandler(KvsLocalAdmin admin)
{
    public const string Prefix = "/_kvs-local";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly string[] Routes =
    [
        "GET /_kvs-local/health",
        "GET /_kvs-local/requests",
        "GET /_kvs-local/faults",
        "POST /_kvs-local/faults",
        "DELETE /_kvs-local/faults",
        "GET /_kvs-local/channels",
        "POST /_kvs-local/channels/media-ingestion",
        "POST /_kvs-local/reset",
        "GET /_kvs-local/connections",
        "POST /_kvs-local/connections/close",
        "POST /_kvs-local/connections/notify",
        "GET /_kvs-local/messages",
    ];

    public async Task HandleAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !System.Net.IPAddress.IsLoopback(remote))
        {
            await WriteAsync(context, 403, new { message = "The kvs-local admin endpoint answers loopback clients only." });
            return;
        }

        var route = $"{context.Request.Method.ToUpperInvariant()} {context.Request.Path.Value}";
        try
        {
            switch (route)
            {
                case "GET /_kvs-local/health":
                    await WriteAsync(context, 200, new { Status = "ok" });
                    break;
                case "GET /_kvs-local/requests":
                    var counts = admin.RequestCounts;
                    await WriteAsync(context, 200, new { Total = counts.Values.Sum(), Operations = counts });
                    break;
                case "GET /_kvs-local/faults":
                    await WriteAsync(context, 200, new { Faults = admin.Faults });
                    break;
                case "POST /_kvs-local/faults":
                    var rule = await ReadAsync<FaultRule>(context);
                    await WriteAsync(context, 201, admin.AddFault(rule));
                    break;
                case "DELETE /_kvs-local/faults":
                    admin.ClearFaults();
                    context.Response.StatusCode = 204;
                    break;
                case "GET /_kvs-local/channels":
                    await WriteAsync(context, 200, new { Channels = admin.Channels.OrderBy(c => c.ChannelARN, StringComparer.Ordinal) });
                    break;
                case "POST /_kvs-local/channels/media-ingestion":
                    var flag = await ReadAsync<MediaIngestionRequest>(context);
                    if (admin.SetMediaIngestion(flag.ChannelARN, flag.Enabled))
                    {
                        context.Response.StatusCode = 204;
                    }
                    else
                    {
                        await WriteAsync(context, 404, new { message = $"No channel has the ARN '{flag.ChannelARN}'." });
                    }

                    break;
                case "GET /_kvs-local/connections":
                    await WriteAsync(context, 200, new { Connections = admin.Connections });
                    break;
                case "POST /_kvs-local/connections/close":
                    var close = await ReadAsync<CloseRequest>(context);
                    if (admin.CloseConnection(close.Id, close.Abrupt))
                    {
                        context.Response.StatusCode = 204;
                    }
                    else
                    {
                        await WriteAsync(context, 404, new { message = $"No open connection has the id '{close.Id}'." });
                    }

                    break;
                case "POST /_kvs-local/connections/notify":
                    await NotifyAsync(context, await ReadAsync<NotifyRequest>(context));
                    break;
                case "GET /_kvs-local/messages":
                    var messages = admin.MessageCounts;
                    await WriteAsync(context, 200, new { Total = messages.Values.Sum(), Messages = messages });
                    break;
                case "POST /_kvs-local/reset":
                    admin.Reset();
                    context.Response.StatusCode = 204;
                    break;
                default:
                    await WriteAsync(context, 404, new { message = $"'{route}' is not an admin route. Routes: {string.Join("; ", Routes)}." });
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            await WriteAsync(context, 400, new { message = e.Message });
        }
    }

    private Task NotifyAsync(HttpContext context, NotifyRequest notify)
    {
        if ((notify.Id is null) == (notify.ChannelARN is null))
        {
            return WriteAsync(context, 400, new { message = "Name either Id (one connection) or ChannelARN (every connection of the channel)." });
        }

        var sent = notify.Id is not null ? (admin.Notify(notify.Id, notify.Notice) ? 1 : 0) : admin.NotifyChannel(notify.ChannelARN!, notify.Notice);
        return sent == 0 && notify.Id is not null
            ? WriteAsync(context, 404, new { message = $"No open connection has the id '{notify.Id}'." })
            : WriteAsync(context, 200, new { Sent = sent });
    }

    private static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);
        return value ?? throw new JsonException($"The request body must be a JSON object describing a {typeof(T).Name}.");
    }

    private static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    private sealed record MediaIngestionRequest(string ChannelARN, bool Enabled);

    private sealed record CloseRequest(string Id, bool Abrupt);

    private sealed record NotifyRequest(string? Id, string? ChannelARN, SignalingNotice Notice);
}
