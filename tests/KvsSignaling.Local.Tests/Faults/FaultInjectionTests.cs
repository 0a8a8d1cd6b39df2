using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Faults;

/// <summary>Each injected fault, limited to a count so results are deterministic; rates come from a seeded generator.</summary>
public sealed class FaultInjectionTests
{
    private const string List = "ListSignalingChannels";

    [Theory]
    [InlineData(FaultKind.Throttle, HttpStatusCode.BadRequest, "ClientLimitExceededException")]
    [InlineData(FaultKind.InternalError, HttpStatusCode.InternalServerError, "InternalFailure")]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    public async Task An_error_fault_hits_the_next_N_requests_then_the_service_answers_normally(FaultKind kind, HttpStatusCode status, string errorType)
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        server.Admin.AddFault(new FaultRule { Kind = kind, Count = 2 });

        AuthenticationTests.AssertError(await client.CallAsync(List), status, errorType);
        AuthenticationTests.AssertError(await client.CallAsync(List), status, errorType);
        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync(List)).Status);
        Assert.Empty(server.Admin.Faults);
    }

    [Theory]
    [InlineData("RequestThrottledException")]
    [InlineData("ThrottlingException")]
    public async Task A_throttle_fault_answers_the_throttling_code_it_is_given(string code)
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, ErrorCode = code, Count = 1 });

        AuthenticationTests.AssertError(await client.CallAsync(List), HttpStatusCode.BadRequest, code);
        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync(List)).Status);
    }

    [Fact]
    public async Task A_fault_limited_to_one_operation_leaves_the_others_alone()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.Throttle, Operation = "DescribeSignalingChannel", Count = 1 });

        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync(List)).Status);
        var describe = await client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "absent" });

        Assert.Equal("ClientLimitExceededException", describe.ErrorType);
    }

    [Fact]
    public async Task Latency_delays_the_answer_past_a_client_timeout()
    {
        await using var server = await KvsLocalServer.StartAsync();
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.Latency, LatencyMs = 20_000, Count = 1 });
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new KvsTestClient(server.BaseUrl) { HttpClient = impatient };

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.CallAsync(List));
        Assert.Equal(HttpStatusCode.OK, (await new KvsTestClient(server.BaseUrl).CallAsync(List)).Status);
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_response()
    {
        await using var server = await KvsLocalServer.StartAsync();
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.DropConnection, Count = 1 });
        using var fresh = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => new KvsTestClient(server.BaseUrl) { HttpClient = fresh }.CallAsync(List));
        Assert.Equal(1, server.Admin.GetRequestCount(List));
    }

    [Fact]
    public async Task A_truncated_body_ends_before_its_Content_Length()
    {
        await using var server = await KvsLocalServer.StartAsync();
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.TruncatedBody, Count = 1 });
        using var fresh = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => new KvsTestClient(server.BaseUrl) { HttpClient = fresh }.CallAsync(List));
    }

    [Fact]
    public async Task A_malformed_body_is_not_JSON()
    {
        await using var server = await KvsLocalServer.StartAsync();
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.MalformedBody, Count = 1 });

        var response = await new KvsTestClient(server.BaseUrl).CallAsync(List);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(response.Body));
    }

    [Fact]
    public async Task An_oversized_body_is_valid_JSON_of_the_asked_size()
    {
        await using var server = await KvsLocalServer.StartAsync();
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.OversizedBody, SizeBytes = 3 * 1024 * 1024, Count = 1 });

        var response = await new KvsTestClient(server.BaseUrl).CallAsync(List);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.InRange(response.Body.Length, 3 * 1024 * 1024 - 16, 3 * 1024 * 1024 + 16);
        Assert.NotNull(response.Json!["ChannelInfoList"]);
    }

    [Fact]
    public async Task An_HTML_error_page_is_a_502_text_html_answer()
    {
        await using var server = await KvsLocalServer.StartAsync();
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.HtmlErrorPage, Count = 1 });

        var response = await new KvsTestClient(server.BaseUrl).CallAsync(List);

        Assert.Equal(HttpStatusCode.BadGateway, response.Status);
        Assert.Equal("text/html", response.ContentType);
        Assert.StartsWith("<html>", response.Body);
        Assert.NotNull(response.RequestId);
    }

    [Fact]
    public async Task Wrong_endpoint_schemes_swap_socket_and_HTTP_schemes_and_spare_other_operations()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { EndpointStyle = EndpointStyle.Aws });
        var client = new KvsTestClient(server.BaseUrl);
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.WrongEndpointScheme, Count = 1 });
        var arn = await client.CreateChannelAsync("schemes");

        var wrong = await Channels.EndpointTests.EndpointsAsync(client, arn, "MASTER", "WSS", "HTTPS");
        var right = await Channels.EndpointTests.EndpointsAsync(client, arn, "MASTER", "WSS", "HTTPS");

        Assert.StartsWith("https://m-", wrong["WSS"]);
        Assert.StartsWith("wss://r-", wrong["HTTPS"]);
        Assert.StartsWith("wss://m-", right["WSS"]);
    }

    [Fact]
    public async Task A_rate_fault_repeats_exactly_for_the_same_seed()
    {
        async Task<string> RunAsync(int seed)
        {
            await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
            {
                FaultSeed = seed,
                QuotasEnabled = false,
                Faults = [new FaultRule { Kind = FaultKind.Throttle, Rate = 0.5 }],
            });
            var client = new KvsTestClient(server.BaseUrl);
            var outcomes = new List<char>();
            for (var i = 0; i < 30; i++)
            {
                outcomes.Add((await client.CallAsync(List)).Status == HttpStatusCode.OK ? '.' : 'T');
            }

            return new string(outcomes.ToArray());
        }

        var first = await RunAsync(7);
        var second = await RunAsync(7);

        Assert.Equal(first, second);
        Assert.Contains('T', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public void Out_of_range_rules_are_refused_naming_the_value()
    {
        Assert.Contains("Rate 1.5", Assert.Throws<ArgumentException>(() => new FaultRule { Kind = FaultKind.Throttle, Rate = 1.5 }.Validate()).Message);
        Assert.Contains("Count 0", Assert.Throws<ArgumentException>(() => new FaultRule { Kind = FaultKind.Throttle, Count = 0 }.Validate()).Message);
        Assert.Contains("ErrorCode 'ResourceNotFoundException'", Assert.Throws<ArgumentException>(() => new FaultRule { Kind = FaultKind.Throttle, ErrorCode = "ResourceNotFoundException" }.Validate()).Message);
        Assert.Contains("only a Throttle fault", Assert.Throws<ArgumentException>(() => new FaultRule { Kind = FaultKind.InternalError, ErrorCode = "ThrottlingException" }.Validate()).Message);
    }
}
