#if KVS_LOCAL
// kvs-local has neither the kinds nor the client options that these docs point to.
#pragma warning disable CS1574
#endif

namespace KvsSignaling;

/// <summary>
/// The error codes a <see cref="KvsSignalingException.ErrorCode"/> carries: the codes the service answers (from the
/// error shapes of the service models in the contract, and the codes AWS front ends answer before an operation runs),
/// and the client's own codes for failures without a service answer. Each code has one <see cref="KvsErrorKind"/>;
/// a code not named here is <see cref="KvsErrorKind.Other"/> (or <see cref="KvsErrorKind.ServiceFault"/> with a
/// 5xx status, <see cref="KvsErrorKind.Throttled"/> with 429 or 509).
/// </summary>
/// <remarks>
/// kvs-local compiles this file too (as an internal class) so that the emulator answers the very codes the client
/// reads, without depending on the client library.
/// </remarks>
#if KVS_LOCAL
internal
#else
public
#endif
static class KvsErrorCodes
{
    // The control plane's error shapes (kinesisvideo-2017-09-30) and the signaling data plane's (kinesis-video-signaling-2019-12-04).

    /// <summary>The caller may not perform the operation (HTTP 401). Kind: <see cref="KvsErrorKind.AccessDenied"/>.</summary>
    public const string AccessDeniedException = "AccessDeniedException";

    /// <summary>The account has as many signaling channels as it may (HTTP 400). Kind: <see cref="KvsErrorKind.LimitExceeded"/>.</summary>
    public const string AccountChannelLimitExceededException = "AccountChannelLimitExceededException";

    /// <summary>The account has as many streams as it may (HTTP 400). Kind: <see cref="KvsErrorKind.LimitExceeded"/>.</summary>
    public const string AccountStreamLimitExceededException = "AccountStreamLimitExceededException";

    /// <summary>Kinesis Video's throttling error: the caller exceeded the request rate (HTTP 400). Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string ClientLimitExceededException = "ClientLimitExceededException";

    /// <summary>The device has as many streams as it may (HTTP 400). Kind: <see cref="KvsErrorKind.LimitExceeded"/>.</summary>
    public const string DeviceStreamLimitExceededException = "DeviceStreamLimitExceededException";

    /// <summary>A value of the request is not valid (HTTP 400). Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string InvalidArgumentException = "InvalidArgumentException";

    /// <summary>The signaling client is not valid (HTTP 400). Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string InvalidClientException = "InvalidClientException";

    /// <summary>The device is not valid (HTTP 400). Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string InvalidDeviceException = "InvalidDeviceException";

    /// <summary>The resource's format is not valid (HTTP 400). Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string InvalidResourceFormatException = "InvalidResourceFormatException";

    /// <summary>The stream keeps no data, so the operation does not apply (HTTP 400). Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string NoDataRetentionException = "NoDataRetentionException";

    /// <summary>The caller is not authorized (HTTP 401). Kind: <see cref="KvsErrorKind.AccessDenied"/>.</summary>
    public const string NotAuthorizedException = "NotAuthorizedException";

    /// <summary>The resource is in use, for example a channel name that is taken (HTTP 400). Kind: <see cref="KvsErrorKind.InUse"/>.</summary>
    public const string ResourceInUseException = "ResourceInUseException";

    /// <summary>The channel or stream does not exist (HTTP 404). Kind: <see cref="KvsErrorKind.NotFound"/>.</summary>
    public const string ResourceNotFoundException = "ResourceNotFoundException";

    /// <summary>The signaling session has expired (HTTP 400). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string SessionExpiredException = "SessionExpiredException";

    /// <summary>The stream has no edge configuration (HTTP 404). Kind: <see cref="KvsErrorKind.NotFound"/>.</summary>
    public const string StreamEdgeConfigurationNotFoundException = "StreamEdgeConfigurationNotFoundException";

    /// <summary>The resource would carry more than 50 tags (HTTP 400). Kind: <see cref="KvsErrorKind.LimitExceeded"/>.</summary>
    public const string TagsPerResourceExceededLimitException = "TagsPerResourceExceededLimitException";

    /// <summary>The version given is not the resource's current one (HTTP 400). Kind: <see cref="KvsErrorKind.VersionMismatch"/>.</summary>
    public const string VersionMismatchException = "VersionMismatchException";

    // Throttling codes of the SDKs' retry modes (retry-standard.json and the SDKs' throttling lists).

    /// <summary>A throttling code of the SDKs' standard retry mode. Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string Throttling = "Throttling";

    /// <summary>A throttling code of the SDKs' standard retry mode. Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string ThrottlingException = "ThrottlingException";

    /// <summary>A throttling code of the SDKs' standard retry mode. Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string ThrottledException = "ThrottledException";

    /// <summary>A throttling code of the SDKs' standard retry mode. Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string RequestThrottledException = "RequestThrottledException";

    /// <summary>A throttling code of the SDKs' standard retry mode. Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string ProvisionedThroughputExceededException = "ProvisionedThroughputExceededException";

    /// <summary>A throttling code of the SDKs' throttling lists. Kind: <see cref="KvsErrorKind.Throttled"/>.</summary>
    public const string LimitExceededException = "LimitExceededException";

    // What AWS front ends answer before an operation runs: authentication, clock, request format, failures.

    /// <summary>The access key is not known (HTTP 403). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string UnrecognizedClientException = "UnrecognizedClientException";

    /// <summary>The signature does not match the request, or its time is off (HTTP 403). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string InvalidSignatureException = "InvalidSignatureException";

    /// <summary>The signature does not match the request (query-protocol spelling). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>The Authorization header lacks a part (HTTP 403). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string IncompleteSignatureException = "IncompleteSignatureException";

    /// <summary>The Authorization header lacks a part (query-protocol spelling). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string IncompleteSignature = "IncompleteSignature";

    /// <summary>The request is not signed (HTTP 403). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string MissingAuthenticationTokenException = "MissingAuthenticationTokenException";

    /// <summary>The request is not signed (query-protocol spelling). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string MissingAuthenticationToken = "MissingAuthenticationToken";

    /// <summary>The access key id is not valid (query-protocol spelling). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string InvalidClientTokenId = "InvalidClientTokenId";

    /// <summary>The session token has expired (HTTP 403). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string ExpiredTokenException = "ExpiredTokenException";

    /// <summary>Authentication failed (EC2-style spelling). Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string AuthFailure = "AuthFailure";

    /// <summary>The signing time is too far from the service's clock. Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string RequestTimeTooSkewed = "RequestTimeTooSkewed";

    /// <summary>The signing time is too old. Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string RequestExpired = "RequestExpired";

    /// <summary>The signing time is in the future. Kind: <see cref="KvsErrorKind.Authentication"/>.</summary>
    public const string RequestInTheFuture = "RequestInTheFuture";

    /// <summary>A value of the request failed validation. Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>The request body is not the JSON the operation takes (HTTP 400). Kind: <see cref="KvsErrorKind.InvalidArgument"/>.</summary>
    public const string SerializationException = "SerializationException";

    /// <summary>No operation has the request's path (HTTP 404). Kind: <see cref="KvsErrorKind.Other"/>.</summary>
    public const string UnknownOperationException = "UnknownOperationException";

    /// <summary>The request body is larger than allowed (HTTP 413). Kind: <see cref="KvsErrorKind.Other"/>.</summary>
    public const string RequestEntityTooLargeException = "RequestEntityTooLargeException";

    /// <summary>The service failed (HTTP 500). Kind: <see cref="KvsErrorKind.ServiceFault"/>.</summary>
    public const string InternalFailure = "InternalFailure";

    /// <summary>The service is unavailable (HTTP 503). Kind: <see cref="KvsErrorKind.ServiceFault"/>.</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    // The client's own codes: no service answer carried a code. The service never sends these.

    /// <summary>Every attempt timed out (<see cref="KvsSignalingClientOptions.AttemptTimeout"/>). Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The connection failed, or the response body was cut short. Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string ConnectionFailure = "ConnectionFailure";

    /// <summary>The service closed a signaling connection (a WebSocket close frame) and it was not reopened. Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string ConnectionClosed = "ConnectionClosed";

    /// <summary>The call was not sent: the endpoint's circuit breaker is open. Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string CircuitOpen = "CircuitOpen";

    /// <summary>The response body was larger than <see cref="KvsSignalingClientOptions.MaxResponseBodyBytes"/>. Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string ResponseTooLarge = "ResponseTooLarge";

    /// <summary>A success body that is not the operation's output shape, or a listing that repeats its NextToken. Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string MalformedResponse = "MalformedResponse";

    /// <summary>An error status without a service error code (a proxy's HTML page, an empty body). Kind: <see cref="KvsErrorKind.Transport"/>.</summary>
    public const string UnrecognizedErrorResponse = "UnrecognizedErrorResponse";

    /// <summary>A returned endpoint that is not absolute or whose scheme does not fit its protocol. Kind: <see cref="KvsErrorKind.InvalidEndpoint"/>.</summary>
    public const string InvalidEndpoint = "InvalidEndpoint";

    /// <summary>No usable AWS credentials. Kind: <see cref="KvsErrorKind.Credentials"/>.</summary>
    public const string CredentialsUnavailable = "CredentialsUnavailable";

    /// <summary>An error raised with no code, outside the client. Kind: <see cref="KvsErrorKind.Other"/>.</summary>
    public const string Unknown = "Unknown";
}
