using System.Text;

namespace KvsSignaling.Tests.Infrastructure;

/// <summary>One request as it arrived on the wire at the loopback server.</summary>
internal sealed class RecordedRequest
{
    public RecordedRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The request target exactly as sent (path and query).</summary>
    public string Target { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Everything received, for asserting that a secret never went anywhere it should not.</summary>
    public override string ToString() => $"{Method} {Target}\n{string.Join("\n", Headers.Select(h => h.Key + ": " + h.Value))}\n\n{BodyText}";
}
