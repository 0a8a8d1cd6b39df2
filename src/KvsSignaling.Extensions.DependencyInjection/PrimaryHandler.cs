using System.Net;

namespace KvsSignaling.Extensions.DependencyInjection;

/// <summary>The innermost handler of the named client: the settings of the library's own handler (no redirects, no cookies).</summary>
internal static class PrimaryHandler
{
    /// <summary>Headers whose values are secrets: the signature, and the session token of temporary credentials.</summary>
    public static readonly string[] SecretHeaders = { "Authorization", "X-Amz-Security-Token" };

    public static HttpMessageHandler Create()
    {
#if NET8_0_OR_GREATER
        // The factory recycles handlers (2 minutes by default), so DNS changes are seen without a pooled connection lifetime.
        return new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = true,
            AutomaticDecompression = DecompressionMethods.None,
        };
#else
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
#endif
    }
}
