using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Auth;

/// <summary>Every request is SigV4-verified on a real loopback port; each rejection answers AWS's error and changes nothing.</summary>
public sealed class AuthenticationTests
{
    private static readonly JsonObject ListInput = new();

    [Fact]
    public async Task A_request_signed_by_the_AWS_SDK_signer_with_the_default_credential_is_accepted()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("ListSignalingChannels", ListInput);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.RequestId);
    }

    [Fact]
    public async Task A_wrong_secret_is_InvalidSignatureException_403_and_the_message_explains_without_secrets()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl) { SecretAccessKey = "not-the-secret" };

        var response = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "never" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("does not match the signature you provided", response.Message);
        Assert.Contains("The Canonical String for this request should have been", response.Message);
        Assert.DoesNotContain("not-the-secret", response.Body);
        Assert.DoesNotContain(KvsLocalCredential.DefaultSecretAccessKey, response.Body);
        await AssertNoChannelsAsync(server);
    }

    [Fact]
    public async Task An_unknown_access_key_is_UnrecognizedClientException_403()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDUNKNOWN" }.CallAsync("ListSignalingChannels", ListInput);

        AssertError(response, HttpStatusCode.Forbidden, "UnrecognizedClientException");
        Assert.Equal("The security token included in the request is invalid.", response.Message);
    }

    [Fact]
    public async Task A_request_without_Authorization_is_MissingAuthenticationTokenException_403()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "never" },
            request => request.Headers.Remove("Authorization"));

        AssertError(response, HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
        await AssertNoChannelsAsync(server);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20200101/us-west-2/kinesisvideo/aws4_request, SignedHeaders=host;x-amz-date", "'Signature'")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=00", "'Credential'")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/us-west-2/kinesisvideo/aws4_request, SignedHeaders=host, Signature=00", "Credential")]
    [InlineData("Basic dXNlcjpwYXNz", "Basic")]
    public async Task A_malformed_Authorization_is_IncompleteSignatureException_403(string authorization, string named)
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("ListSignalingChannels", ListInput, request =>
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        });

        AssertError(response, HttpStatusCode.Forbidden, "IncompleteSignatureException");
        Assert.Contains(named, response.Message);
    }

    [Fact]
    public async Task A_request_without_X_Amz_Date_is_IncompleteSignatureException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("ListSignalingChannels", ListInput,
            request => request.Headers.Remove("X-Amz-Date"));

        AssertError(response, HttpStatusCode.Forbidden, "IncompleteSignatureException");
        Assert.Contains("X-Amz-Date", response.Message);
    }

    [Fact]
    public async Task A_scope_for_another_service_is_InvalidSignatureException_naming_the_right_service()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl) { Service = "kinesis" }.CallAsync("ListSignalingChannels", ListInput);

        AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.Contains("Credential should be scoped to correct service: 'kinesisvideo'", response.Message);
    }

    [Theory]
    [InlineData(-16, "Signature expired")]
    [InlineData(16, "Signature not yet current")]
    public async Task A_timestamp_more_than_15_minutes_off_is_InvalidSignatureException(int minutes, string expected)
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var client = new KvsTestClient(server.BaseUrl) { SignedAt = clock.GetUtcNow().UtcDateTime.AddMinutes(minutes) };

        var response = await client.CallAsync("ListSignalingChannels", ListInput);

        AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        Assert.StartsWith(expected, response.Message);
    }

    [Fact]
    public async Task A_timestamp_14_minutes_off_is_accepted()
    {
        var clock = new ManualTimeProvider();
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var client = new KvsTestClient(server.BaseUrl) { SignedAt = clock.GetUtcNow().UtcDateTime.AddMinutes(-14) };

        Assert.Equal(HttpStatusCode.OK, (await client.CallAsync("ListSignalingChannels", ListInput)).Status);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_rejected()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var client = new KvsTestClient(server.BaseUrl);
        var response = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = "signed" }, request =>
        {
            request.Content = new ByteArrayContent("{\"ChannelName\":\"forged\"}"u8.ToArray());
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        });

        AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
        await AssertNoChannelsAsync(server);
    }

    [Fact]
    public async Task A_signed_header_changed_after_signing_is_InvalidSignatureException()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var response = await new KvsTestClient(server.BaseUrl).CallAsync("ListSignalingChannels", ListInput, request =>
        {
            var date = request.Headers.GetValues("X-Amz-Date").Single();
            request.Headers.Remove("X-Amz-Date");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", date[..^2] + (date[^2] == '0' ? "1Z" : "0Z"));
        });

        AssertError(response, HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task Temporary_credentials_need_their_session_token_and_expire()
    {
        var clock = new ManualTimeProvider();
        var credential = new KvsLocalCredential("ASIATEMP", "temp-secret", "210987654321")
        {
            SessionToken = "token-abc",
            Expiration = clock.GetUtcNow().AddMinutes(30),
        };
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { Credentials = [credential], TimeProvider = clock });

        var good = new KvsTestClient(server.BaseUrl) { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = "token-abc" };
        Assert.Equal(HttpStatusCode.OK, (await good.CallAsync("ListSignalingChannels", ListInput)).Status);

        var wrongToken = new KvsTestClient(server.BaseUrl) { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = "token-xyz" };
        var wrong = await wrongToken.CallAsync("ListSignalingChannels", ListInput);
        AssertError(wrong, HttpStatusCode.Forbidden, "UnrecognizedClientException");
        Assert.DoesNotContain("token-", wrong.Body);

        var noToken = new KvsTestClient(server.BaseUrl) { AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret" };
        AssertError(await noToken.CallAsync("ListSignalingChannels", ListInput), HttpStatusCode.Forbidden, "UnrecognizedClientException");

        clock.Advance(TimeSpan.FromMinutes(31));
        var late = new KvsTestClient(server.BaseUrl)
        {
            AccessKeyId = "ASIATEMP", SecretAccessKey = "temp-secret", SessionToken = "token-abc", SignedAt = clock.GetUtcNow().UtcDateTime,
        };
        AssertError(await late.CallAsync("ListSignalingChannels", ListInput), HttpStatusCode.Forbidden, "ExpiredTokenException");
    }

    [Fact]
    public async Task Permissive_mode_accepts_any_access_key_but_still_checks_the_signature()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { PermissiveSecret = "shared" });

        var any = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDANYTHING", SecretAccessKey = "shared" };
        Assert.Equal(HttpStatusCode.OK, (await any.CallAsync("ListSignalingChannels", ListInput)).Status);

        var wrong = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDANYTHING", SecretAccessKey = "other" };
        AssertError(await wrong.CallAsync("ListSignalingChannels", ListInput), HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task The_account_comes_from_the_access_key_and_the_region_from_the_scope()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            Credentials = [new KvsLocalCredential("AKIDONE", "one", "111111111111"), new KvsLocalCredential("AKIDTWO", "two", "222222222222")],
        });
        var one = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDONE", SecretAccessKey = "one", Region = "eu-central-1" };
        var two = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDTWO", SecretAccessKey = "two", Region = "eu-central-1" };

        var arn = await one.CreateChannelAsync("shared-name");

        Assert.StartsWith("arn:aws:kinesisvideo:eu-central-1:111111111111:channel/shared-name/", arn);
        var other = await two.CallAsync("DescribeSignalingChannel", new JsonObject { ["ChannelARN"] = arn });
        AssertError(other, HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.StartsWith("arn:aws:kinesisvideo:eu-central-1:222222222222:channel/shared-name/", await two.CreateChannelAsync("shared-name"));
        var otherRegion = new KvsTestClient(server.BaseUrl) { AccessKeyId = "AKIDONE", SecretAccessKey = "one", Region = "us-east-1" };
        Assert.Empty((await otherRegion.CallOkAsync("ListSignalingChannels", ListInput))["ChannelInfoList"]!.AsArray());
    }

    [Fact]
    public async Task The_default_credential_belongs_to_account_123456789012()
    {
        await using var server = await KvsLocalServer.StartAsync();
        var arn = await new KvsTestClient(server.BaseUrl).CreateChannelAsync("demo");
        Assert.Contains(":123456789012:", arn);
    }

    internal static void AssertError(KvsResponse response, HttpStatusCode status, string errorType)
    {
        Assert.True(response.Status == status && response.ErrorType == errorType, $"Expected {(int)status} {errorType}, got {response}");
        Assert.NotNull(response.RequestId);
        Assert.Equal("application/json", response.ContentType);
        Assert.False(string.IsNullOrEmpty(response.Message), $"No message in {response.Body}");
    }

    private static async Task AssertNoChannelsAsync(KvsLocalServer server)
    {
        var list = await new KvsTestClient(server.BaseUrl).CallOkAsync("ListSignalingChannels", ListInput);
        Assert.Empty(list["ChannelInfoList"]!.AsArray());
    }
}
