using System.Diagnostics;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Telemetry;

/// <summary>One activity per request to the service, counters per attempt, and no secret in any of it.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_retried_lookup_is_one_client_activity_with_its_attempts_and_the_counters_move()
    {
        await using var server = new LoopbackServer((_, number) => number < 3 ? Reply.ServiceError(400, "ClientLimitExceededException", "slow down") : Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server);
        using var recorder = new TelemetryRecorder();

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        var activity = Assert.Single(recorder.Activities);
        Assert.Equal("KvsSignaling", activity.Source.Name);
        Assert.Equal("KinesisVideo.GetSignalingChannelEndpoint", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal("aws-api", activity.GetTagItem("rpc.system"));
        Assert.Equal("KinesisVideo", activity.GetTagItem("rpc.service"));
        Assert.Equal("GetSignalingChannelEndpoint", activity.GetTagItem("rpc.method"));
        Assert.Equal("us-west-2", activity.GetTagItem("cloud.region"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.Equal(server.Url.Port, activity.GetTagItem("server.port"));
        Assert.Equal(TestClients.Arn, activity.GetTagItem("kvssignaling.channel.arn"));
        Assert.Equal(3, activity.GetTagItem("kvssignaling.attempts"));
        Assert.Equal("req-1", activity.GetTagItem("aws.request_id"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("error.type"));

        Assert.Equal(3, recorder.Sum("kvssignaling.requests", t => (string?)t["rpc.method"] == "GetSignalingChannelEndpoint"));
        Assert.Equal(2, recorder.Sum("kvssignaling.requests", t => t.TryGetValue("error.type", out var e) && (string?)e == "ClientLimitExceededException"));
        Assert.Equal(2, recorder.Sum("kvssignaling.retries"));
        Assert.Equal(2, recorder.Sum("kvssignaling.throttles", t => (string?)t["rpc.service"] == "KinesisVideo"));
    }

    [Fact]
    public async Task A_failed_call_is_an_error_activity_named_by_its_code_and_nothing_in_it_is_secret()
    {
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(404, "ResourceNotFoundException", "no such channel"));
        using var client = TestClients.Create(server);
        using var recorder = new TelemetryRecorder();

        await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(TestClients.Arn));

        var activity = Assert.Single(recorder.Activities);
        Assert.Equal("KinesisVideo.DescribeSignalingChannel", activity.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Contains("ResourceNotFoundException", activity.StatusDescription);
        Assert.Equal("ResourceNotFoundException", activity.GetTagItem("error.type"));
        Assert.Equal(1, activity.GetTagItem("kvssignaling.attempts"));
        Assert.Equal("req-err", activity.GetTagItem("aws.request_id"));
        Assert.Equal(0, recorder.Sum("kvssignaling.retries"));
        Assert.Equal(0, recorder.Sum("kvssignaling.throttles"));

        var everything = string.Join("\n", activity.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(activity.StatusDescription ?? string.Empty)
            .Concat(recorder.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"))));
        var authorization = server.Requests.Single().Header("Authorization")!;
        var signature = authorization.Substring(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length);
        foreach (var secret in new[] { TestClients.SecretKey, TestClients.SessionToken, signature })
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    [Fact]
    public async Task A_credential_failure_before_any_request_is_an_error_activity_without_attempts()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        var profiles = Path.Combine(Path.GetTempPath(), "kvs-telemetry-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(profiles, "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n");
        try
        {
            using var client = TestClients.Create(server, o =>
            {
                o.Credentials = null;
                o.ProfileName = "missing";
                o.ProfilesLocation = profiles;
            });
            using var recorder = new TelemetryRecorder();

            await Assert.ThrowsAsync<KvsCredentialsException>(() => client.DescribeSignalingChannelAsync(TestClients.Arn));

            var activity = Assert.Single(recorder.Activities);
            Assert.Equal(ActivityStatusCode.Error, activity.Status);
            Assert.Equal(KvsErrorCodes.CredentialsUnavailable, activity.GetTagItem("error.type"));
            Assert.Null(activity.GetTagItem("kvssignaling.attempts"));
            Assert.Equal(0, recorder.Sum("kvssignaling.requests"));
            Assert.Equal(0, server.Count);
        }
        finally
        {
            File.Delete(profiles);
        }
    }

    [Fact]
    public async Task Nothing_is_recorded_while_nobody_listens()
    {
        await using var server = new LoopbackServer((_, _) => Reply.Endpoints(("WSS", "wss://m.example")));
        using var client = TestClients.Create(server);
        Assert.False(KvsTelemetry.Source.HasListeners());
        Assert.False(KvsTelemetry.Requests.Enabled);

        await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

        Assert.Null(Activity.Current);
        using var recorder = new TelemetryRecorder();
        Assert.True(KvsTelemetry.Source.HasListeners());
        Assert.True(KvsTelemetry.Requests.Enabled);
    }

    [Fact]
    public void The_reconnect_counter_reports_under_the_meter_with_the_tags_it_is_given()
    {
        using var recorder = new TelemetryRecorder();

        KvsTelemetry.Reconnects.Add(1, new KeyValuePair<string, object?>("kvssignaling.role", "VIEWER"));
        KvsTelemetry.Reconnects.Add(2, new KeyValuePair<string, object?>("kvssignaling.role", "MASTER"));

        Assert.Equal(3, recorder.Sum("kvssignaling.reconnects"));
        Assert.Equal(1, recorder.Sum("kvssignaling.reconnects", t => (string?)t["kvssignaling.role"] == "VIEWER"));
    }
}
