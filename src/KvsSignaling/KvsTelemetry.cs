using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KvsSignaling;

/// <summary>
/// The names under which the library reports traces and metrics: one <see cref="ActivitySource"/> and one
/// <see cref="Meter"/>, both named <see cref="Name"/>. Subscribe with OpenTelemetry's
/// <c>AddSource(KvsTelemetry.Name)</c> and <c>AddMeter(KvsTelemetry.Name)</c>, or with an
/// <see cref="ActivityListener"/> and a <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// Each request to the service (one operation, all of its attempts) is an activity of kind client, named
/// <c>{rpc.service}.{rpc.method}</c>, for example <c>KinesisVideo.GetSignalingChannelEndpoint</c>. Nothing is
/// allocated for it while nobody listens. Tags and instruments are listed in docs/core.md ("Telemetry"); none
/// carries a key, token or signature.
/// </remarks>
public static class KvsTelemetry
{
    /// <summary>The name of the library's activity source and meter: <c>KvsSignaling</c>.</summary>
    public const string Name = "KvsSignaling";

    /// <summary><c>rpc.service</c> of the control plane (service id "Kinesis Video").</summary>
    internal const string ControlPlaneService = "KinesisVideo";

    /// <summary><c>rpc.service</c> of a channel's own HTTPS endpoint (service id "Kinesis Video Signaling").</summary>
    internal const string SignalingService = "KinesisVideoSignaling";

    private static readonly string? Version = typeof(KvsTelemetry).Assembly.GetName().Version?.ToString(3);

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    /// <summary>Every HTTP request sent to the service, each attempt counted.</summary>
    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("kvssignaling.requests", "{request}", "HTTP requests sent to the service (every attempt, retries included).");

    /// <summary>Attempts that failed and were tried again.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("kvssignaling.retries", "{retry}", "Attempts that failed and were tried again.");

    /// <summary>Throttling answers (<c>ClientLimitExceededException</c> and the SDKs' throttling codes).</summary>
    internal static readonly Counter<long> Throttles = Meter.CreateCounter<long>("kvssignaling.throttles", "{response}", "Throttling answers from the service.");

    /// <summary>Endpoint lookups answered from the client's endpoint cache.</summary>
    internal static readonly Counter<long> EndpointCacheHits = Meter.CreateCounter<long>("kvssignaling.endpoint_cache.hits", "{lookup}", "Endpoint lookups answered from the endpoint cache.");

    /// <summary>Endpoint lookups the cache had no fresh answer for, so that a request was started or joined.</summary>
    internal static readonly Counter<long> EndpointCacheMisses = Meter.CreateCounter<long>("kvssignaling.endpoint_cache.misses", "{lookup}", "Endpoint lookups the endpoint cache had no fresh answer for.");

    /// <summary>
    /// Signaling connections opened again after they dropped; added to by the signaling connection, for example
    /// <c>KvsTelemetry.Reconnects.Add(1, new KeyValuePair&lt;string, object?&gt;("kvssignaling.role", "VIEWER"))</c>.
    /// </summary>
    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("kvssignaling.reconnects", "{reconnect}", "Signaling connections opened again after they dropped.");

    /// <summary>Starts the activity of one request to the service, or returns null when nobody listens.</summary>
    internal static Activity? StartRequest(string service, string operation, string region, Uri uri, string? channelArn)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(service + "." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", operation);
            activity.SetTag("cloud.region", region);
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
            if (channelArn is not null)
            {
                activity.SetTag("kvssignaling.channel.arn", channelArn);
            }
        }

        return activity;
    }

    /// <summary>Records one attempt on the request's activity and counters (the attempt was sent unless the circuit refused it).</summary>
    internal static void RecordAttempt(Activity? activity, string service, string operation, int attempt, int? statusCode, string? requestId, string? errorCode, bool sent, bool willRetry)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("kvssignaling.attempts", sent ? attempt : attempt - 1);
            activity.SetTag("http.response.status_code", statusCode);
            if (requestId is not null)
            {
                activity.SetTag("aws.request_id", requestId);
            }

            // The last attempt decides: a success after retries carries no error.type.
            activity.SetTag("error.type", errorCode);
        }

        if (sent && Requests.Enabled)
        {
            Requests.Add(1, Tags(service, operation, errorCode));
        }

        if (willRetry && Retries.Enabled)
        {
            Retries.Add(1, Tags(service, operation, errorCode));
        }
    }

    /// <summary>Counts a throttling answer.</summary>
    internal static void RecordThrottle(string service, string operation, string? errorCode)
    {
        if (Throttles.Enabled)
        {
            Throttles.Add(1, Tags(service, operation, errorCode));
        }
    }

    /// <summary>Marks the request's activity failed; <see cref="Exception.Message"/> never carries secrets.</summary>
    internal static void RecordFailure(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        if (activity.IsAllDataRequested && activity.GetTagItem("error.type") is null)
        {
            activity.SetTag("error.type", exception is KvsSignalingException signaling ? signaling.ErrorCode : exception.GetType().FullName);
        }
    }

    private static TagList Tags(string service, string operation, string? errorCode)
    {
        var tags = new TagList
        {
            { "rpc.system", "aws-api" },
            { "rpc.service", service },
            { "rpc.method", operation },
        };
        if (errorCode is not null)
        {
            tags.Add("error.type", errorCode);
        }

        return tags;
    }
}
