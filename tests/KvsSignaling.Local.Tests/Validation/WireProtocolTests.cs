using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Validation;

/// <summary>Malformed bodies, unknown operations and wrong methods get rest-json errors, never a stack trace.</summary>
public sealed class WireProtocolTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private KvsTestClient Client => new(fixture.Server.BaseUrl);

    [Theory]
    [InlineData("{\"ChannelName\": ")]
    [InlineData("not json")]
    [InlineData("{\"ChannelName\":\"a\"} trailing")]
    public async Task Malformed_JSON_is_SerializationException_400(string body)
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/createSignalingChannel", Encoding.UTF8.GetBytes(body));

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "SerializationException");
        Assert.DoesNotContain(" at KvsSignaling", response.Body);
    }

    [Theory]
    [InlineData("CreateSignalingChannel", "{\"ChannelName\": 5}", "ChannelName")]
    [InlineData("ListSignalingChannels", "{\"MaxResults\": \"ten\"}", "MaxResults")]
    [InlineData("ListSignalingChannels", "{\"MaxResults\": 1.5}", "MaxResults")]
    [InlineData("GetSignalingChannelEndpoint", "{\"ChannelARN\":\"arn:aws:kinesisvideo:us-west-2:123456789012:channel/a/1\",\"SingleMasterChannelEndpointConfiguration\":{\"Protocols\":\"WSS\"}}", "Protocols")]
    [InlineData("DescribeSignalingChannel", "[]", "request body")]
    public async Task A_value_of_the_wrong_JSON_type_is_SerializationException_naming_it(string operation, string body, string named)
    {
        var response = await Client.SendAsync(HttpMethod.Post, KvsTestClient.PathOf(operation), Encoding.UTF8.GetBytes(body));

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "SerializationException");
        Assert.Contains(named, response.Message);
    }

    [Fact]
    public async Task An_unknown_path_is_UnknownOperationException_404()
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/noSuchOperation", "{}"u8.ToArray());

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "UnknownOperationException");
    }

    [Fact]
    public async Task A_wrong_method_is_UnknownOperationException_404()
    {
        var response = await Client.SendAsync(HttpMethod.Put, "/getSignalingChannelEndpoint", "{}"u8.ToArray());

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "UnknownOperationException");
        Assert.Contains("PUT /getSignalingChannelEndpoint", response.Message);
    }

    [Fact]
    public async Task A_model_operation_that_kvs_local_does_not_emulate_is_UnknownOperationException_naming_it()
    {
        var response = await Client.CallAsync("CreateStream", new JsonObject { ["StreamName"] = "s" });

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "UnknownOperationException");
        Assert.Contains("CreateStream", response.Message);
    }

    [Fact]
    public async Task An_empty_body_is_an_input_without_members()
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/listSignalingChannels", []);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Json!["ChannelInfoList"]);
    }

    [Fact]
    public async Task Service_errors_carry_Message_as_the_model_names_it_and_every_response_a_request_id()
    {
        var response = await Client.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "absent" });

        AuthenticationTests.AssertError(response, HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.NotNull(response.Json!["Message"]);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", response.RequestId);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_refused_with_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"ChannelName\":\"" + new string('a', 1024 * 1024) + "\"}");
        using var fresh = new HttpClient();

        var response = await new KvsTestClient(fixture.Server.BaseUrl) { HttpClient = fresh }.SendAsync(HttpMethod.Post, "/createSignalingChannel", body);

        AuthenticationTests.AssertError(response, HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLargeException");
    }

    [Fact]
    public async Task With_ErrorTypeSuffix_the_error_type_carries_a_suffix_after_a_colon()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { ErrorTypeSuffix = true });

        var response = await new KvsTestClient(server.BaseUrl).CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelName"] = "absent" });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType!.Split(':', 2)[0]);
        Assert.StartsWith("http://", response.ErrorType.Split(':', 2)[1]);
    }

    [Fact]
    public async Task Unknown_members_are_ignored_as_the_service_does()
    {
        var response = await Client.CallAsync("ListSignalingChannels", new JsonObject { ["SomethingNew"] = 1 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
