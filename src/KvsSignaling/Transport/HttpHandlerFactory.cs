using System.Net;

namespace KvsSignaling.Transport;

/// <summary>The one pooled handler a client owns: connections are reused across calls and recycled so DNS changes are seen.</summary>
internal static class HttpHandlerFactory
{
    public static HttpMessageHandler Create()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
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
