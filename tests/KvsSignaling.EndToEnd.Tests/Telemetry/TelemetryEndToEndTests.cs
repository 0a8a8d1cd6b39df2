using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.EndToEnd.Tests.Telemetry;

/// <summary>Listeners see the whole process, so these tests run alone: no other test's calls are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>
/// The library's activity source and meter ("KvsSignaling") as an OpenTelemetry SDK sees them, against kvs-local:
/// retries under injected throttling, endpoint-cache hits and misses, an activity per request to the service.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryEndToEndTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();
    private ActivityListener? _activityListener;
    private MeterListener? _meterListener;
    private Local.KvsLocalServer? _server;

    private Local.KvsLocalServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await LocalClients.StartServerAsync();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "KvsSignaling",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "KvsSignaling")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meterListener.Start();
    }

    public async Task DisposeAsync()
    {
        _activityListener?.Dispose();
        _meterListener?.Dispose();
        await Server.DisposeAsync();
    }

    [Fact]
    public async Task A_signaling_connection_that_reconnects_after_GO_AWAY_is_counted_once_with_its_role_and_reason()
    {
        using var client = LocalClients.Create(Server, o => o.EnableEndpointCache = true);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("otel-reconnect"), cancellationToken: guard.Token);
        await using var connection = await client.ConnectAsync(arn, ChannelRole.Master, cancellationToken: guard.Token);
        var messages = connection.ReadAllAsync(guard.Token).GetAsyncEnumerator(guard.Token);
        while (Server.Admin.Connections.Count(c => c.ChannelARN == arn.Value) != 1)
        {
            await Task.Delay(10, guard.Token);
        }

        Clear();
        Assert.True(Server.Admin.Notify(Server.Admin.Connections.Single(c => c.ChannelARN == arn.Value).Id, Local.Admin.SignalingNotice.GoAway));
        while (await messages.MoveNextAsync() && messages.Current.Type != SignalingMessageType.Reconnected)
        {
        }

        var reconnect = Assert.Single(_measurements, m => m.Instrument == "kvssignaling.reconnects");
        Assert.Equal(1, reconnect.Value);
        Assert.Equal("MASTER", reconnect.Tags["kvssignaling.role"]);
        Assert.Equal("GoAway", reconnect.Tags["kvssignaling.reconnect.reason"]);
        await messages.DisposeAsync();
    }

    [Fact]
    public async Task Injected_throttling_shows_as_retries_and_throttles_and_one_activity_with_three_attempts()
    {
        using var client = LocalClients.Create(Server);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("otel"), cancellationToken: guard.Token);
        Clear();
        Server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = "GetSignalingChannelEndpoint", Count = 2 });

        await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, cancellationToken: guard.Token);

        var activity = Assert.Single(_activities);
        Assert.Equal("KinesisVideo.GetSignalingChannelEndpoint", activity.DisplayName);
        Assert.Equal(arn.Value, activity.GetTagItem("kvssignaling.channel.arn"));
        Assert.Equal(3, activity.GetTagItem("kvssignaling.attempts"));
        Assert.NotNull(activity.GetTagItem("aws.request_id"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal(3, Sum("kvssignaling.requests"));
        Assert.Equal(2, Sum("kvssignaling.retries"));
        Assert.Equal(2, Sum("kvssignaling.throttles"));
        Assert.All(_measurements.Where(m => m.Instrument == "kvssignaling.throttles"), m => Assert.Equal("ClientLimitExceededException", m.Tags["error.type"]));
        Assert.Equal(3, Server.Admin.GetRequestCount("GetSignalingChannelEndpoint"));
    }

    [Fact]
    public async Task Cached_lookups_are_hits_without_a_request_and_the_first_is_a_miss()
    {
        using var client = LocalClients.Create(Server, o => o.EnableEndpointCache = true);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("otel-cache"), cancellationToken: guard.Token);
        Clear();

        for (var i = 0; i < 3; i++)
        {
            await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token);
        }

        await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, options: new GetEndpointOptions { BypassCache = true }, cancellationToken: guard.Token);
        client.InvalidateEndpointCache(arn);
        await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token);

        Assert.Equal(2, Sum("kvssignaling.endpoint_cache.hits"));
        Assert.Equal(2, Sum("kvssignaling.endpoint_cache.misses"));
        Assert.Equal(3, _activities.Count(a => a.DisplayName == "KinesisVideo.GetSignalingChannelEndpoint"));
        Assert.Equal(3, Sum("kvssignaling.requests"));
    }

    [Fact]
    public async Task A_call_that_runs_out_of_attempts_is_an_error_activity_and_ice_servers_are_the_signaling_service()
    {
        using var client = LocalClients.Create(Server, o => o.MaxAttempts = 2);
        using var guard = HangGuard.Start();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("otel-fail"), cancellationToken: guard.Token);
        await client.GetIceServerConfigAsync(arn, cancellationToken: guard.Token);
        var ice = Assert.Single(_activities, a => a.DisplayName == "KinesisVideoSignaling.GetIceServerConfig");
        Assert.Equal("KinesisVideoSignaling", ice.GetTagItem("rpc.service"));
        Assert.Equal(arn.Value, ice.GetTagItem("kvssignaling.channel.arn"));
        Clear();
        Server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = "DescribeSignalingChannel", Count = 2 });

        await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(arn, guard.Token));

        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("ClientLimitExceededException", activity.GetTagItem("error.type"));
        Assert.Equal(2, activity.GetTagItem("kvssignaling.attempts"));
        Assert.Equal(1, Sum("kvssignaling.retries"));
        Assert.Equal(2, Sum("kvssignaling.throttles"));
    }

    private long Sum(string instrument) => _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    private void Clear()
    {
        _activities.Clear();
        _measurements.Clear();
    }
}
