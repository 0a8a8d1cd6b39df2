using System.Collections.Concurrent;
using System.Reflection;
using KvsSignaling.Tests.Infrastructure;
using KvsSignaling.Transport;

namespace KvsSignaling.Tests.Client;

/// <summary>Every error the client raises has a kind and a code; the service's codes map to kinds as the contract's error shapes say.</summary>
public sealed class ErrorKindTests
{
    private static readonly string[] ModelFiles = { "kinesisvideo-2017-09-30.service.json", "kinesis-video-signaling-2019-12-04.service.json" };

    /// <summary>The kind each error shape of the two service models has.</summary>
    private static readonly Dictionary<string, KvsErrorKind> ModelKinds = new(StringComparer.Ordinal)
    {
        [KvsErrorCodes.AccessDeniedException] = KvsErrorKind.AccessDenied,
        [KvsErrorCodes.AccountChannelLimitExceededException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.AccountStreamLimitExceededException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.ClientLimitExceededException] = KvsErrorKind.Throttled,
        [KvsErrorCodes.DeviceStreamLimitExceededException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.InvalidArgumentException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.InvalidClientException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.InvalidDeviceException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.InvalidResourceFormatException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.NoDataRetentionException] = KvsErrorKind.InvalidArgument,
        [KvsErrorCodes.NotAuthorizedException] = KvsErrorKind.AccessDenied,
        [KvsErrorCodes.ResourceInUseException] = KvsErrorKind.InUse,
        [KvsErrorCodes.ResourceNotFoundException] = KvsErrorKind.NotFound,
        [KvsErrorCodes.SessionExpiredException] = KvsErrorKind.Authentication,
        [KvsErrorCodes.StreamEdgeConfigurationNotFoundException] = KvsErrorKind.NotFound,
        [KvsErrorCodes.TagsPerResourceExceededLimitException] = KvsErrorKind.LimitExceeded,
        [KvsErrorCodes.VersionMismatchException] = KvsErrorKind.VersionMismatch,
    };

    public static TheoryData<string, int> ModelErrors()
    {
        var data = new TheoryData<string, int>();
        foreach (var (code, status) in ModelErrorShapes())
        {
            data.Add(code, status);
        }

        return data;
    }

    public static TheoryData<string, int, KvsErrorKind> FrontEndErrors() => new()
    {
        { "UnrecognizedClientException", 403, KvsErrorKind.Authentication },
        { "InvalidSignatureException", 403, KvsErrorKind.Authentication },
        { "IncompleteSignatureException", 403, KvsErrorKind.Authentication },
        { "MissingAuthenticationTokenException", 403, KvsErrorKind.Authentication },
        { "ExpiredTokenException", 403, KvsErrorKind.Authentication },
        { "RequestTimeTooSkewed", 403, KvsErrorKind.Authentication },
        { "SerializationException", 400, KvsErrorKind.InvalidArgument },
        { "ValidationException", 400, KvsErrorKind.InvalidArgument },
        { "UnknownOperationException", 404, KvsErrorKind.Other },
        { "RequestThrottledException", 400, KvsErrorKind.Throttled },
        { "ThrottlingException", 400, KvsErrorKind.Throttled },
        { "LimitExceededException", 400, KvsErrorKind.Throttled },
        { "InternalFailure", 500, KvsErrorKind.ServiceFault },
        { "ServiceUnavailable", 503, KvsErrorKind.ServiceFault },

        // A code the client does not know: the status decides.
        { "SomethingNew", 400, KvsErrorKind.Other },
        { "SomethingNew", 429, KvsErrorKind.Throttled },
        { "SomethingNew", 509, KvsErrorKind.Throttled },
        { "SomethingNew", 500, KvsErrorKind.ServiceFault },
        { "SomethingNew", 502, KvsErrorKind.ServiceFault },
    };

    public static TheoryData<string> ThrottlingCodes()
    {
        var data = new TheoryData<string>();
        foreach (var code in PublicCodes().Where(c => ErrorKinds.OfServiceError(c, 400) == KvsErrorKind.Throttled))
        {
            data.Add(code);
        }

        return data;
    }

    [Fact]
    public void Every_error_shape_of_the_service_models_has_a_constant_and_an_expected_kind()
    {
        var shapes = ModelErrorShapes().Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ModelKinds.Keys.OrderBy(c => c, StringComparer.Ordinal), shapes.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Empty(shapes.Except(PublicCodes(), StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModelErrors))]
    public async Task Each_service_model_error_reaches_the_caller_with_its_kind(string code, int status)
    {
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(status, code, "m"));
        using var client = TestClients.Create(server, o => o.MaxAttempts = 1);

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(TestClients.Arn));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(ModelKinds[code], error.Kind);
        Assert.Equal(status, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(FrontEndErrors))]
    public void Front_end_codes_and_unknown_codes_have_their_kind(string code, int status, KvsErrorKind kind)
    {
        Assert.Equal(kind, ErrorKinds.OfServiceError(code, status));
        Assert.Equal(kind, new KvsServiceException("m", "Op", code, null, status, null, 1).Kind);
    }

    [Theory]
    [MemberData(nameof(ThrottlingCodes))]
    public async Task Every_throttling_code_is_retried_and_ends_as_Throttled(string code)
    {
        var traces = new ConcurrentQueue<KvsRequestTrace>();
        await using var server = new LoopbackServer((_, _) => Reply.ServiceError(400, code, "slow down"));
        using var client = TestClients.Create(server, o =>
        {
            o.MaxAttempts = 3;
            o.RetryMode = RetryMode.Standard;
            o.RequestTrace = traces.Enqueue;
        });

        var error = await Assert.ThrowsAsync<KvsServiceException>(() => client.GetSignalingChannelEndpointAsync(TestClients.Arn, ChannelRole.Master));

        Assert.Equal(KvsErrorKind.Throttled, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(3, server.Count);
        Assert.Equal(new[] { true, true, false }, traces.Select(t => t.WillRetry));
    }

    [Fact]
    public void Only_throttling_and_service_faults_are_retried_by_kind()
    {
        var retried = Enum.GetValues<KvsErrorKind>().Where(RetryClassifier.IsRetryable);

        Assert.Equal(new[] { KvsErrorKind.Throttled, KvsErrorKind.ServiceFault }, retried);
    }

    [Fact]
    public void An_exception_raised_outside_the_client_still_has_a_code()
    {
        var error = new KvsSignalingException("m");

        Assert.Equal(KvsErrorCodes.Unknown, error.ErrorCode);
        Assert.Equal(KvsErrorKind.Other, error.Kind);
        Assert.Throws<ArgumentException>(() => new KvsSignalingException("m", KvsErrorKind.Other, string.Empty, null, null, null));
    }

    [Fact]
    public void The_codes_are_unique()
    {
        var codes = PublicCodes().ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.True(codes.Count >= 40);
    }

    private static IEnumerable<string> PublicCodes() =>
        typeof(KvsErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<(string Code, int Status)> ModelErrorShapes()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ModelFiles)
        {
            using var model = Contract.Load(file);
            foreach (var shape in model.RootElement.GetProperty("shapes").EnumerateObject())
            {
                if (shape.Value.TryGetProperty("exception", out var exception) && exception.GetBoolean() && seen.Add(shape.Name))
                {
                    yield return (shape.Name, shape.Value.GetProperty("error").GetProperty("httpStatusCode").GetInt32());
                }
            }
        }
    }
}
