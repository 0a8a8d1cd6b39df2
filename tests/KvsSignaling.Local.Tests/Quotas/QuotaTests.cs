using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Quotas;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Quotas;

/// <summary>Request-rate quotas per account and per channel, on a clock the test moves, so no result depends on timing.</summary>
public sealed class QuotaTests
{
    [Fact]
    public async Task Describe_allows_5_requests_per_second_per_channel_then_ClientLimitExceededException_400()
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var client = new KvsTestClient(server.BaseUrl);
        var busy = await client.CreateChannelAsync("busy");
        var quiet = await client.CreateChannelAsync("quiet");

        for (var i = 0; i < 5; i++)
        {
            await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = busy });
        }

        var sixth = await client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "busy" });
        AuthenticationTests.AssertError(sixth, HttpStatusCode.BadRequest, "ClientLimitExceededException");
        Assert.Contains("per channel", sixth.Message);

        await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = quiet });
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = busy });
    }

    [Theory]
    [InlineData("TagResource")]
    [InlineData("UntagResource")]
    [InlineData("ListTagsForResource")]
    public async Task Tag_operations_allow_5_requests_per_second_per_channel_as_the_service_does(string operation)
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var client = new KvsTestClient(server.BaseUrl);
        var busy = await client.CreateChannelAsync("busy");
        var quiet = await client.CreateChannelAsync("quiet");
        JsonObject Input(string arn) => operation switch
        {
            "TagResource" => new JsonObject { ["ResourceARN"] = arn, ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "k", ["Value"] = "v" }) },
            "UntagResource" => new JsonObject { ["ResourceARN"] = arn, ["TagKeyList"] = new JsonArray("k") },
            _ => new JsonObject { ["ResourceARN"] = arn },
        };

        for (var i = 0; i < 5; i++)
        {
            await client.CallOkAsync(operation, Input(busy));
        }

        var sixth = await client.CallAsync(operation, Input(busy));
        AuthenticationTests.AssertError(sixth, HttpStatusCode.BadRequest, "ClientLimitExceededException");
        Assert.Contains($"{operation} allows 5 requests per second per channel", sixth.Message);
        await client.CallOkAsync(operation, Input(quiet));
        Assert.Equal(new OperationQuota(50, 5), OperationQuota.ServiceDefaults[operation]);
    }

    [Fact]
    public async Task Create_allows_50_requests_per_second_per_account()
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var client = new KvsTestClient(server.BaseUrl);
        for (var i = 0; i < 50; i++)
        {
            await client.CreateChannelAsync($"c{i}");
        }

        var limited = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "c50" });

        AuthenticationTests.AssertError(limited, HttpStatusCode.BadRequest, "ClientLimitExceededException");
        Assert.Contains("per account", limited.Message);
    }

    [Fact]
    public async Task Accounts_have_separate_buckets()
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            TimeProvider = clock,
            Credentials = [new KvsLocalCredential("AKIDONE", "one", "111111111111"), new KvsLocalCredential("AKIDTWO", "two", "222222222222")],
            QuotaOverrides = new Dictionary<string, OperationQuota> { ["ListSignalingChannels"] = new(1) },
        });
        var one = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDONE", SecretAccessKey = "one" };
        var two = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDTWO", SecretAccessKey = "two" };

        await one.CallOkAsync("ListSignalingChannels");
        AuthenticationTests.AssertError(await one.CallAsync("ListSignalingChannels"), HttpStatusCode.BadRequest, "ClientLimitExceededException");
        await two.CallOkAsync("ListSignalingChannels");
    }

    [Fact]
    public async Task A_per_operation_override_replaces_the_service_quota()
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            TimeProvider = clock,
            QuotaOverrides = new Dictionary<string, OperationQuota> { ["GetSignalingChannelEndpoint"] = new(2) },
        });
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("limited");
        var request = EndpointRequest(arn);

        await client.CallOkAsync("GetSignalingChannelEndpoint", request);
        await client.CallOkAsync("GetSignalingChannelEndpoint", request);

        AuthenticationTests.AssertError(await client.CallAsync("GetSignalingChannelEndpoint", request), HttpStatusCode.BadRequest, "ClientLimitExceededException");
    }

    [Fact]
    public async Task With_quotas_off_nothing_is_limited()
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock, QuotasEnabled = false });
        var client = new KvsTestClient(server.BaseUrl);
        var arn = await client.CreateChannelAsync("free");

        for (var i = 0; i < 20; i++)
        {
            await client.CallOkAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn });
        }
    }

    [Fact]
    public async Task An_override_for_an_operation_the_model_does_not_have_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            QuotaOverrides = new Dictionary<string, OperationQuota> { ["GetChannel"] = new(1) },
        }));

        Assert.Contains("GetChannel", error.Message);
    }

    private static JsonObject EndpointRequest(string arn) => new()
    {
        ["ChannelARN"] = arn,
        ["SingleMasterChannelEndpointConfiguration"] = new JsonObject { ["Protocols"] = new JsonArray("WSS"), ["Role"] = "MASTER" },
    };
}
