using System.Text;

namespace KvsSignaling.Tests.Infrastructure;

/// <summary>What the loopback server does with one request.</summary>
internal sealed class Reply
{
    public int Status { get; init; } = 200;

    public string Reason { get; init; } = "OK";

    public List<KeyValuePair<string, string>> Headers { get; init; } = new();

    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>Close the connection without answering.</summary>
    public bool Drop { get; init; }

    /// <summary>Announce this many more body bytes than are sent, then close.</summary>
    public int TruncateBy { get; init; }

    /// <summary>Send no Content-Length: the body ends when the server closes the connection.</summary>
    public bool CloseDelimited { get; init; }

    /// <summary>Never answer; the connection stays open until the server is disposed.</summary>
    public bool Hang { get; init; }

    public static Reply Json(string json, int status = 200, string reason = "OK", string requestId = "req-1", params (string Name, string Value)[] headers)
    {
        var list = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/json"),
            new("x-amzn-RequestId", requestId),
        };
        list.AddRange(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
        return new Reply { Status = status, Reason = reason, Headers = list, Body = Encoding.UTF8.GetBytes(json) };
    }

    public static Reply Raw(int status, string reason, string contentType, string body, params (string Name, string Value)[] headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (contentType.Length > 0)
        {
            list.Add(new("Content-Type", contentType));
        }

        list.AddRange(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
        return new Reply { Status = status, Reason = reason, Headers = list, Body = Encoding.UTF8.GetBytes(body) };
    }

    public static Reply Endpoints(params (string Protocol, string Endpoint)[] endpoints) =>
        Json("{\"ResourceEndpointList\":[" + string.Join(",", endpoints.Select(e => $"{{\"Protocol\":\"{e.Protocol}\",\"ResourceEndpoint\":\"{e.Endpoint}\"}}")) + "]}");

    public static Reply ServiceError(int status, string code, string message, string requestId = "req-err") =>
        Json($"{{\"message\":\"{message}\"}}", status, "Error", requestId, ("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.kinesisvideo/"));
}
