using System.Net;

namespace KvsSignaling.Transport;

/// <summary>The one pooled handler a client owns: connections are reused across calls and recycled so DNS changes are seen.</summary>
internal static class HttpHandlerFactory
{
    /// <summary>The client's own handler, or one that sends through the handlers <paramref name="supplied"/> returns.</summary>
    public static HttpMessageHandler Create(Func<HttpMessageHandler>? supplied) => supplied is null ? Create() : new SuppliedHandler(supplied);

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

/// <summary>
/// Sends each request through the handler its supplier returns at that moment (an <c>IHttpClientFactory</c> rotates
/// them), and never disposes it: the supplier owns it.
/// </summary>
internal sealed class SuppliedHandler : HttpMessageHandler
{
    private readonly Func<HttpMessageHandler> _supplier;

    public SuppliedHandler(Func<HttpMessageHandler> supplier) => _supplier = supplier;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var handler = _supplier() ?? throw new InvalidOperationException("KvsSignalingClientOptions.HttpMessageHandlerFactory returned null; it must return a handler.");
        return new HttpMessageInvoker(handler, disposeHandler: false).SendAsync(request, cancellationToken);
    }
}
