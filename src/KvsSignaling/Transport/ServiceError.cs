using System.Text.Json;

namespace KvsSignaling.Transport;

/// <summary>
/// Reads a rest-json error: the code from <c>x-amzn-ErrorType</c>, else the body's <c>__type</c> or <c>code</c>;
/// the message from <c>message</c> or <c>Message</c>. A body that is not JSON (a proxy's HTML page, nothing at all)
/// yields no code and no message rather than an exception.
/// </summary>
internal sealed class ServiceError
{
    private ServiceError(string? code, string? message, bool bodyIsJson)
    {
        Code = code;
        Message = message;
        BodyIsJson = bodyIsJson;
    }

    public string? Code { get; }

    public string? Message { get; }

    public bool BodyIsJson { get; }

    public static ServiceError Parse(string? errorTypeHeader, ReadOnlyMemory<byte> body)
    {
        var code = Trim(errorTypeHeader);
        string? message = null;
        var isJson = false;
        if (!body.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    isJson = true;
                    code ??= Trim(StringMember(document.RootElement, "__type") ?? StringMember(document.RootElement, "code") ?? StringMember(document.RootElement, "Code"));
                    message = StringMember(document.RootElement, "message") ?? StringMember(document.RootElement, "Message");
                }
            }
            catch (JsonException)
            {
                // Not JSON: the caller reports the status and content type instead.
            }
        }

        return new ServiceError(code, message, isJson);
    }

    /// <summary>Drops a suffix after ':' and a namespace prefix up to '#', as rest-json error codes may carry both.</summary>
    public static string? Trim(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw!.Trim();
        var colon = code.IndexOf(':');
        if (colon >= 0)
        {
            code = code.Substring(0, colon);
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code.Substring(hash + 1);
        }

        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
