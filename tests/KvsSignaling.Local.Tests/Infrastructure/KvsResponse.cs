using System.Net;
using System.Text.Json.Nodes;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>What came back from kvs-local: status, the AWS error headers and the parsed JSON body.</summary>
internal sealed record KvsResponse(HttpStatusCode Status, string? ErrorType, string? RequestId, string Body, string? ContentType)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>The message of an error body, whichever casing the error uses.</summary>
    public string Message => (string?)(Json?["Message"] ?? Json?["message"]) ?? string.Empty;

    public override string ToString() => $"{(int)Status} {ErrorType} {Body}";
}
