using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KvsSignaling.Local.Auth;

/// <summary>The parts of an HTTP request that Signature Version 4 covers, as they arrived on the wire.</summary>
/// <param name="Method">The HTTP method, e.g. POST.</param>
/// <param name="RawPath">The request path exactly as sent (still percent-encoded), without the query.</param>
/// <param name="RawQuery">The query string exactly as sent, without the leading '?'; empty when absent.</param>
/// <param name="Headers">Every header occurrence in arrival order; a repeated header appears once per occurrence.</param>
internal sealed record SignableRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>All values of a header (case-insensitive name) in arrival order.</summary>
    public IEnumerable<string> ValuesOf(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>The first value of a header, or null when it is absent.</summary>
    public string? FirstValueOf(string name) => ValuesOf(name).FirstOrDefault();

    /// <summary>The request as it arrived: the raw target, so the path and query are seen exactly as they were signed.</summary>
    public static SignableRequest From(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = rawTarget.IndexOf('?');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in context.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(KeyValuePair.Create(header.Key, value ?? string.Empty));
            }
        }

        return new SignableRequest(
            context.Request.Method,
            question < 0 ? rawTarget : rawTarget[..question],
            question < 0 ? string.Empty : rawTarget[(question + 1)..],
            headers);
    }
}
