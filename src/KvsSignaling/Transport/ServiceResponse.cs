namespace KvsSignaling.Transport;

/// <summary>A successful (2xx) answer: its body, bounded in size, and its request id.</summary>
internal readonly struct ServiceResponse
{
    public ServiceResponse(ReadOnlyMemory<byte> body, string? requestId, int statusCode)
    {
        Body = body;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    public ReadOnlyMemory<byte> Body { get; }

    public string? RequestId { get; }

    public int StatusCode { get; }
}
