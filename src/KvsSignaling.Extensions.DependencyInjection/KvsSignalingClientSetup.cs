using System.Collections;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KvsSignaling.Extensions.DependencyInjection;

/// <summary>
/// The last word on the registered client's options: HTTP through the factory's named client (unless a handler is
/// set already), and every request trace to the logger before any callback set in code.
/// </summary>
internal sealed class KvsSignalingClientSetup : IPostConfigureOptions<KvsSignalingClientOptions>
{
    private static readonly EventId AttemptEvent = new(1, "KvsRequestAttempt");

    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly ILogger _logger;

    public KvsSignalingClientSetup(IHttpMessageHandlerFactory handlers, ILoggerFactory loggers)
    {
        _handlers = handlers;
        _logger = loggers.CreateLogger<KvsSignalingClient>();
    }

    public void PostConfigure(string? name, KvsSignalingClientOptions options)
    {
        options.HttpMessageHandlerFactory ??= () => _handlers.CreateHandler(KvsSignalingServiceCollectionExtensions.HttpClientName);
        var callback = options.RequestTrace;
        var logger = _logger;
        options.RequestTrace = trace =>
        {
            Log(logger, trace);
            callback?.Invoke(trace);
        };
    }

    private static void Log(ILogger logger, KvsRequestTrace trace)
    {
        var level = trace.ErrorCode is null ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, AttemptEvent, new TraceState(trace), null, (state, _) => state.Trace.ToString());
        }
    }

    /// <summary>The trace's fields as structured log properties; the message is <see cref="KvsRequestTrace.ToString"/>.</summary>
    private sealed class TraceState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public TraceState(KvsRequestTrace trace) => Trace = trace;

        public KvsRequestTrace Trace { get; }

        public int Count => 9;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("Operation", Trace.Operation),
            1 => new("Endpoint", Trace.Endpoint),
            2 => new("Attempt", Trace.Attempt),
            3 => new("StatusCode", Trace.StatusCode),
            4 => new("RequestId", Trace.RequestId),
            5 => new("ErrorCode", Trace.ErrorCode),
            6 => new("ElapsedMilliseconds", Trace.Elapsed.TotalMilliseconds),
            7 => new("WillRetry", Trace.WillRetry),
            8 => new("{OriginalFormat}", "{Operation} attempt {Attempt} {Endpoint} -> {StatusCode} {ErrorCode} request id {RequestId} in {ElapsedMilliseconds} ms, will retry: {WillRetry}"),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Trace.ToString();
    }
}
