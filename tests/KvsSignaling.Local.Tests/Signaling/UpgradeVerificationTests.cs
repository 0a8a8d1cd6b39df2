using System.Net;
using System.Net.WebSockets;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>
/// ConnectAsMaster and ConnectAsViewer: the presigned URL is verified before any WebSocket is accepted, and a
/// refusal is an HTTP error with x-amzn-ErrorType that leaves nobody connected.
/// </summary>
public sealed class UpgradeVerificationTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_master_and_a_viewer_connect_wherever_the_signature_stands_in_the_query(bool signatureFirst)
    {
        await using var setup = await SignalingSetup.StartAsync();
        var presigner = new TestPresigner { SignatureFirst = signatureFirst };

        await using var master = await setup.ConnectMasterAsync(presigner);
        await using var viewer = await setup.ConnectViewerAsync("viewer-1", presigner);
        await setup.WaitForConnectionsAsync(2);

        var connections = setup.Server.Admin.Connections;
        Assert.Contains(connections, c => c.Role == "MASTER" && c.ClientId is null && c.ChannelARN == setup.ChannelArn);
        Assert.Contains(connections, c => c.Role == "VIEWER" && c.ClientId == "viewer-1");
        Assert.Equal(1, setup.Server.Admin.GetRequestCount("ConnectAsMaster"));
        Assert.Equal(1, setup.Server.Admin.GetRequestCount("ConnectAsViewer"));
    }

    [Fact]
    public async Task Temporary_credentials_connect_with_the_session_token_signed()
    {
        await using var setup = await SignalingSetup.StartAsync(TemporaryCredentials(DateTimeOffset.UtcNow.AddHours(1)), http: null);
        var presigner = new TestPresigner { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = "token-value" };

        await using var viewer = await setup.ConnectViewerAsync("viewer-1", presigner);

        Assert.Equal(WebSocketState.Open, viewer.Socket.State);
    }

    [Fact]
    public async Task A_session_token_left_out_of_the_signature_is_InvalidSignatureException()
    {
        await using var setup = await SignalingSetup.StartAsync(TemporaryCredentials(DateTimeOffset.UtcNow.AddHours(1)));
        var presigner = new TestPresigner { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = "token-value", SignSessionToken = false };

        var response = await GetAsync(setup.ViewerUrl("viewer-1", presigner));

        AuthenticationTests.AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.DoesNotContain("token-value", response.Body);
        Assert.DoesNotContain("temp-secret", response.Body);
        Assert.Contains("X-Amz-Security-Token=<redacted>", response.Body);
    }

    [Theory]
    [InlineData(null, "UnrecognizedClientException")]
    [InlineData("other-token", "UnrecognizedClientException")]
    public async Task A_missing_or_wrong_session_token_is_UnrecognizedClientException(string? token, string errorType)
    {
        await using var setup = await SignalingSetup.StartAsync(TemporaryCredentials(DateTimeOffset.UtcNow.AddHours(1)));
        var presigner = new TestPresigner { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = token };

        AuthenticationTests.AssertError(await GetAsync(setup.MasterUrl(presigner)), HttpStatusCode.Forbidden, errorType);
    }

    [Fact]
    public async Task Expired_temporary_credentials_are_ExpiredTokenException()
    {
        await using var setup = await SignalingSetup.StartAsync(TemporaryCredentials(DateTimeOffset.UtcNow.AddMinutes(-1)));
        var presigner = new TestPresigner { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = "token-value" };

        AuthenticationTests.AssertError(await GetAsync(setup.MasterUrl(presigner)), HttpStatusCode.Forbidden, "ExpiredTokenException");
    }

    [Fact]
    public async Task A_URL_past_its_X_Amz_Expires_is_refused_and_one_within_it_is_accepted_even_if_older_than_15_minutes()
    {
        await using var setup = await SignalingSetup.StartAsync();

        var expired = await GetAsync(setup.MasterUrl(new TestPresigner { SignedAt = DateTimeOffset.UtcNow.AddSeconds(-400), Expires = 299 }));
        await using var stillGood = await setup.ConnectMasterAsync(new TestPresigner { SignedAt = DateTimeOffset.UtcNow.AddMinutes(-20), Expires = 3600 });

        AuthenticationTests.AssertError(expired, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.Contains("Signature expired", expired.Message);
        Assert.Equal(WebSocketState.Open, stillGood.Socket.State);
    }

    [Fact]
    public async Task A_URL_signed_more_than_15_minutes_in_the_future_is_refused()
    {
        await using var setup = await SignalingSetup.StartAsync();

        var response = await GetAsync(setup.MasterUrl(new TestPresigner { SignedAt = DateTimeOffset.UtcNow.AddMinutes(20) }));

        AuthenticationTests.AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.Contains("not yet current", response.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604801)]
    public async Task X_Amz_Expires_out_of_range_is_IncompleteSignatureException(int expires)
    {
        await using var setup = await SignalingSetup.StartAsync();

        AuthenticationTests.AssertError(await GetAsync(setup.MasterUrl(new TestPresigner { Expires = expires })), HttpStatusCode.Forbidden, "IncompleteSignatureException");
    }

    [Fact]
    public async Task A_wrong_secret_is_InvalidSignatureException_that_quotes_no_secret_or_signature()
    {
        await using var setup = await SignalingSetup.StartAsync();
        var url = setup.MasterUrl(new TestPresigner { SecretAccessKey = "not-the-secret" });

        var response = await GetAsync(url);

        AuthenticationTests.AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.DoesNotContain("not-the-secret", response.Body);
        Assert.DoesNotContain(KvsLocalCredential.DefaultSecretAccessKey, response.Body);
        Assert.DoesNotContain(Signature(url), response.Body);
    }

    [Fact]
    public async Task Changing_a_parameter_after_signing_is_InvalidSignatureException()
    {
        await using var setup = await SignalingSetup.StartAsync();
        var url = setup.ViewerUrl("viewer-1").ToString().Replace("X-Amz-ClientId=viewer-1", "X-Amz-ClientId=viewer-2", StringComparison.Ordinal);

        AuthenticationTests.AssertError(await GetAsync(new Uri(url)), HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task The_signature_covers_the_host_as_the_client_sent_it()
    {
        await using var setup = await SignalingSetup.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, setup.MasterUrl());
        request.Headers.Host = "127.0.0.1:1";

        AuthenticationTests.AssertError(await SendAsync(request), HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Theory]
    [InlineData("service", "kinesis", "InvalidSignatureException")]
    [InlineData("access key", "AKIDUNKNOWN", "UnrecognizedClientException")]
    public async Task A_wrong_scope_or_key_is_refused(string part, string value, string errorType)
    {
        await using var setup = await SignalingSetup.StartAsync();
        var presigner = part == "service" ? new TestPresigner { Service = value } : new TestPresigner { AccessKeyId = value };

        AuthenticationTests.AssertError(await GetAsync(setup.MasterUrl(presigner)), HttpStatusCode.Forbidden, errorType);
    }

    [Fact]
    public async Task An_unsigned_URL_is_MissingAuthenticationTokenException_and_a_partial_one_IncompleteSignatureException()
    {
        await using var setup = await SignalingSetup.StartAsync();
        var unsigned = new Uri($"{setup.MasterEndpoint}?X-Amz-ChannelARN={Uri.EscapeDataString(setup.ChannelArn)}");
        var partial = new Uri(setup.MasterUrl().ToString().Split("&X-Amz-Signature=")[0]);

        AuthenticationTests.AssertError(await GetAsync(unsigned), HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
        var incomplete = await GetAsync(partial);
        AuthenticationTests.AssertError(incomplete, HttpStatusCode.Forbidden, "IncompleteSignatureException");
        Assert.Contains("X-Amz-Signature", incomplete.Message);
    }

    [Fact]
    public async Task The_channel_must_exist_in_the_signing_account_and_region()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions
        {
            Credentials =
            [
                new KvsLocalCredential(KvsLocalCredential.DefaultAccessKeyId, KvsLocalCredential.DefaultSecretAccessKey),
                new KvsLocalCredential("AKIDOTHER", "other-secret", "111122223333"),
            ],
        });

        var otherAccount = await GetAsync(setup.MasterUrl(new TestPresigner { AccessKeyId = "AKIDOTHER", SecretAccessKey = "other-secret" }));
        var otherRegion = await GetAsync(setup.MasterUrl(new TestPresigner { Region = "us-east-1" }));
        var unknown = await GetAsync(new TestPresigner().Presign(setup.MasterEndpoint, setup.ChannelArn.Replace("/signaling/", "/missing/", StringComparison.Ordinal), null));

        AuthenticationTests.AssertError(otherAccount, HttpStatusCode.NotFound, "ResourceNotFoundException");
        AuthenticationTests.AssertError(otherRegion, HttpStatusCode.NotFound, "ResourceNotFoundException");
        AuthenticationTests.AssertError(unknown, HttpStatusCode.NotFound, "ResourceNotFoundException");
    }

    [Fact]
    public async Task Another_channels_endpoint_and_a_missing_channel_ARN_are_InvalidArgumentException()
    {
        await using var setup = await SignalingSetup.StartAsync();
        var otherArn = await setup.Client.CreateChannelAsync("other");

        var wrongEndpoint = await GetAsync(new TestPresigner().Presign(setup.MasterEndpoint, otherArn, null));
        var noArn = await GetAsync(new TestPresigner().Presign(setup.MasterEndpoint, null, null));

        AuthenticationTests.AssertError(wrongEndpoint, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("does not belong", wrongEndpoint.Message);
        AuthenticationTests.AssertError(noArn, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("X-Amz-ChannelARN", noArn.Message);
    }

    [Theory]
    [InlineData("master", "viewer-1", "without X-Amz-ClientId")]
    [InlineData("viewer", null, "must send X-Amz-ClientId")]
    [InlineData("viewer", "bad id", "[a-zA-Z0-9_.-]")]
    [InlineData("viewer", "AWS_viewer", "AWS_")]
    public async Task The_role_rules_for_client_ids_are_InvalidArgumentException(string role, string? clientId, string named)
    {
        await using var setup = await SignalingSetup.StartAsync();
        var url = new TestPresigner().Presign(role == "master" ? setup.MasterEndpoint : setup.ViewerEndpoint, setup.ChannelArn, clientId);

        var response = await GetAsync(url);

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains(named, response.Message);
    }

    [Fact]
    public async Task A_client_id_of_257_characters_is_refused_and_256_accepted()
    {
        await using var setup = await SignalingSetup.StartAsync();

        AuthenticationTests.AssertError(await GetAsync(setup.ViewerUrl(new string('v', 257))), HttpStatusCode.BadRequest, "InvalidArgumentException");
        await using var viewer = await setup.ConnectViewerAsync(new string('v', 256));
    }

    [Fact]
    public async Task A_refused_WebSocket_upgrade_gets_the_HTTP_error_and_nobody_is_connected()
    {
        await using var setup = await SignalingSetup.StartAsync();
        await using var master = await setup.ConnectMasterAsync();
        await setup.WaitForConnectionsAsync(1);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(setup.MasterUrl(new TestPresigner { SecretAccessKey = "forged" }), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.Equal("InvalidSignatureException", Assert.Single(socket.HttpResponseHeaders!["x-amzn-ErrorType"]));
        var connection = Assert.Single(setup.Server.Admin.Connections);
        Assert.Equal("MASTER", connection.Role);

        // The master that was connected stays the master: a forged newcomer replaced nothing.
        await master.SendAsync(SignalingTestClient.Message("SDP_OFFER", "{}", "nobody", "c1"));
        Assert.Equal(WebSocketState.Open, master.Socket.State);
    }

    [Fact]
    public async Task A_plain_GET_with_a_good_URL_is_told_to_upgrade()
    {
        await using var setup = await SignalingSetup.StartAsync();

        var response = await GetAsync(setup.MasterUrl());

        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("WebSocket upgrade", response.Message);
        Assert.Empty(setup.Server.Admin.Connections);
    }

    [Fact]
    public async Task In_the_aws_style_the_WSS_endpoint_is_found_by_its_host_as_signed()
    {
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { EndpointStyle = EndpointStyle.Aws });
        var signed = setup.ViewerUrl("viewer-1");
        var local = new Uri(setup.Server.BaseUrl, signed.PathAndQuery);
        using var request = new HttpRequestMessage(HttpMethod.Get, local);
        request.Headers.Host = signed.Host;

        var response = await SendAsync(request);
        await using var viewer = await SignalingTestClient.ConnectAsync(
            new Uri($"ws://{setup.Server.BaseUrl.Authority}{signed.PathAndQuery}"), options => options.SetRequestHeader("Host", signed.Host));

        Assert.Matches(@"^wss://v-[0-9a-f]{8}\.kinesisvideo\.us-west-2\.amazonaws\.com$", setup.ViewerEndpoint);
        AuthenticationTests.AssertError(response, HttpStatusCode.BadRequest, "InvalidArgumentException");
        Assert.Contains("WebSocket upgrade", response.Message);
        Assert.Equal(WebSocketState.Open, viewer.Socket.State);
    }

    internal static async Task<KvsResponse> GetAsync(Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request);
    }

    internal static async Task<KvsResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return new KvsResponse(
            response.StatusCode,
            response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.Single() : null,
            response.Headers.TryGetValues("x-amzn-RequestId", out var id) ? id.Single() : null,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType);
    }

    internal static KvsLocalOptions TemporaryCredentials(DateTimeOffset expiration) => new()
    {
        Credentials =
        [
            new KvsLocalCredential(KvsLocalCredential.DefaultAccessKeyId, KvsLocalCredential.DefaultSecretAccessKey),
            new KvsLocalCredential("ASIATEMP", "temp-secret") { SessionToken = "token-value", Expiration = expiration },
        ],
    };

    private static string Signature(Uri url) => url.Query.Split("X-Amz-Signature=")[1].Split('&')[0];
}
