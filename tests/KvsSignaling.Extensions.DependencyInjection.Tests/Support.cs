using System.Collections.Concurrent;
using Amazon.Runtime;
using KvsSignaling.Local;
using Microsoft.Extensions.Logging;

namespace KvsSignaling.Extensions.DependencyInjection.Tests;

/// <summary>Counts the requests that pass through it and keeps their URL and Authorization header.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<SeenRequest> _seen;

    public CountingHandler(ConcurrentQueue<SeenRequest> seen) => _seen = seen;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _seen.Enqueue(new SeenRequest(request.RequestUri!, request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : null));
        return base.SendAsync(request, cancellationToken);
    }
}

internal sealed record SeenRequest(Uri Uri, string? Authorization);

/// <summary>Keeps every log entry of every category, at every level, with its structured state.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>()));
    }
}

internal static class Local
{
    public const string Region = "us-west-2";

    public static void Configure(KvsSignalingClientOptions options, KvsLocalServer server)
    {
        options.EndpointUrl = server.BaseUrl;
        options.Region = Region;
        options.Credentials = new BasicAWSCredentials(KvsLocalCredential.DefaultAccessKeyId, KvsLocalCredential.DefaultSecretAccessKey);
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(10);
    }

    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 12);
}
