using System.Collections.Concurrent;
using KvsSignaling.Tests.Infrastructure;
using KvsSignaling.Transport;

namespace KvsSignaling.Tests.Client;

/// <summary>
/// Where the attempts and retry mode come from (option, AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, the profile), adaptive
/// mode waiting out throttling, and the circuit breaker that stops a dead endpoint from costing every call its timeouts.
/// </summary>
public sealed class RetryModeTests
{
    [Theory]
    [InlineData(null, "7", null, 7)]
    [InlineData(4, "7", null, 4)]
    [InlineData(null, null, "max_attempts = 5", 5)]
    [InlineData(null, "2", "max_attempts = 5", 2)]
    [InlineData(null, null, null, 3)]
    public async Task Attempts_come_from_the_option_then_AWS_MAX_ATTEMPTS_then_the_profile(int? option, string? variable, string? profileLine, int expected)
    {
        var profiles = Path.GetTempFileName();
        try
        {
            File.WriteAllText(profiles, $"[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n{profileLine}\n");
            await using var server = new LoopbackServer((_, _) => Reply.ServiceError(503, "ServiceUnavailable", "down"));
            using var client = TestClients.Create(server, o =>
            {
                o.MaxAttempts = option;
                o.ProfilesLocation = profiles;
                o.EnvironmentVariable = name => name == "AWS_MAX_ATTEMPTS" ? variable : null;
            });

            var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

            Assert.Equal(expected, error.Attempts);
            Assert.Equal(expected, server.Count);
        }
        finally
        {
            File.Delete(profiles);
        }
    }

    [Theory]
    [InlineData("AWS_MAX_ATTEMPTS", "lots", "'lots' of the environment variable AWS_MAX_ATTEMPTS is not a number of attempts")]
    [InlineData("AWS_MAX_ATTEMPTS", "0", "MaxAttempts 0 is out of range; allowed: 1..50")]
    [InlineData("AWS_RETRY_MODE", "eager", "'eager' of the environment variable AWS_RETRY_MODE is not a retry mode; allowed: standard, adaptive, legacy")]
    public void A_bad_retry_setting_in_the_environment_is_refused_naming_it(string variable, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new KvsSignalingClient(new KvsSignalingClientOptions
        {
            Region = "us-west-2",
            EnvironmentVariable = name => name == variable ? value : null,
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "adaptive", null, true)]
    [InlineData(null, null, "retry_mode = adaptive", true)]
    [InlineData(null, "standard", "retry_mode = adaptive", false)]
    [InlineData(RetryMode.Adaptive, "standard", null, true)]
    [InlineData(null, "legacy", null, false)]
    public async Task Adaptive_mode_waits_out_throttling_that_outlasts_the_attempts(RetryMode? option, string? variable, string? profileLine, bool adaptive)
    {
        var profiles = Path.GetTempFileName();
        try
        {
            File.WriteAllText(profiles, $"[default]\nregion = us-west-2\n{profileLine}\n");

            // Throttles the first four requests: three attempts in standard mode are not enough.
            await using var server = new LoopbackServer((_, number) => number <= 4 ? Reply.ServiceError(400, "ClientLimitExceededException", "quota") : Reply.Endpoints(("WSS", "wss://m.example")));
            using var client = TestClients.Create(server, o =>
            {
                o.RetryMode = option;
                o.ProfilesLocation = profiles;
                o.EnvironmentVariable = name => name == "AWS_RETRY_MODE" ? variable : null;
            });

            var lookup = client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master);

            if (adaptive)
            {
                Assert.Equal(new Uri("wss://m.example"), (await lookup).Wss);
                Assert.Equal(5, server.Count);
            }
            else
            {
                Assert.Equal(3, (await Assert.ThrowsAsync<KvsServiceException>(() => lookup)).Attempts);
            }
        }
        finally
        {
            File.Delete(profiles);
        }
    }

    [Fact]
    public async Task Adaptive_mode_gives_up_on_throttling_after_its_limit()
    {
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(400, "ClientLimitExceededException", "quota"));
        using var client = TestClients.Create(server, o =>
        {
            o.RetryMode = RetryMode.Adaptive;
            o.ThrottlingRetryLimit = TimeSpan.Zero;
        });

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal("ClientLimitExceededException", error.ErrorCode);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public void The_adaptive_rate_drops_at_each_throttle_and_grows_back_on_success()
    {
        var now = 0.0;
        var limiter = new AdaptiveRateLimiter(() => now);
        for (var i = 0; i < 200; i++)
        {
            now += 0.01;
            limiter.Record(throttled: false);
        }

        Assert.Null(limiter.Rate);
        limiter.Record(throttled: true);
        var afterFirst = limiter.Rate!.Value;
        Assert.InRange(afterFirst, 1, 100);
        now += 0.01;
        limiter.Record(throttled: true);
        var afterSecond = limiter.Rate!.Value;
        Assert.True(afterSecond < afterFirst, $"{afterSecond} after a second throttle, {afterFirst} after the first.");

        for (var i = 0; i < 400; i++)
        {
            now += 0.01;
            limiter.Record(throttled: false);
        }

        Assert.True(limiter.Rate > afterSecond, $"{limiter.Rate} after four seconds of successes, {afterSecond} before.");
    }

    [Fact]
    public async Task A_dead_endpoint_fails_calls_at_once_after_a_run_of_failures_then_is_tried_again()
    {
        Uri deadUrl;
        await using (var server = new LoopbackServer((_, _) => Reply.Json("{}")))
        {
            deadUrl = server.Url;
        }

        var traces = new ConcurrentQueue<KvsRequestTrace>();
        using var client = new KvsSignalingClient(new KvsSignalingClientOptions
        {
            EndpointUrl = deadUrl,
            Region = "us-west-2",
            Credentials = new Amazon.Runtime.BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
            MaxAttempts = 1,
            CircuitBreakerThreshold = 3,
            CircuitBreakerDuration = TimeSpan.FromMilliseconds(200),
            EnvironmentVariable = _ => null,
            RequestTrace = traces.Enqueue,
        });

        for (var i = 0; i < 3; i++)
        {
            var failure = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
            Assert.Equal(1, failure.Attempts);
        }

        var refused = await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        Assert.Contains("was not sent", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the last 3 attempts to this endpoint failed (the connection failed)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, refused.Attempts);
        Assert.Equal(KvsErrorCodes.CircuitOpen, refused.ErrorCode);
        Assert.Equal(KvsErrorKind.Transport, refused.Kind);
        Assert.Equal("CircuitOpen", traces.Last().ErrorCode);

        await Task.Delay(TimeSpan.FromMilliseconds(600));
        await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        Assert.Equal("ConnectionFailure", traces.Last().ErrorCode);
    }

    [Fact]
    public async Task Any_answer_closes_the_circuit()
    {
        var alive = false;
        await using var server = new LoopbackServer((_, _) => Volatile.Read(ref alive) ? Reply.Endpoints(("WSS", "wss://m.example")) : new Reply { Drop = true });
        using var client = TestClients.Create(server, o =>
        {
            o.MaxAttempts = 1;
            o.CircuitBreakerThreshold = 2;
            o.CircuitBreakerDuration = TimeSpan.FromMilliseconds(100);
        });

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<KvsTransportException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));
        }

        Volatile.Write(ref alive, true);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.NotNull((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).Wss);
        Assert.NotNull((await client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master)).Wss);
    }
}
