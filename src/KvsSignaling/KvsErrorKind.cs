namespace KvsSignaling;

/// <summary>
/// What kind of failure a <see cref="KvsSignalingException"/> is, so that a caller can act on it without matching
/// error-code strings: wait and retry (<see cref="Throttled"/>, <see cref="ServiceFault"/>, <see cref="Transport"/>),
/// fix the request (<see cref="InvalidArgument"/>, <see cref="VersionMismatch"/>), fix the set-up
/// (<see cref="AccessDenied"/>, <see cref="Authentication"/>, <see cref="Credentials"/>), or accept the answer
/// (<see cref="NotFound"/>, <see cref="InUse"/>, <see cref="LimitExceeded"/>).
/// </summary>
/// <remarks>
/// One property on the base class rather than one exception type per kind: the existing types say where the
/// failure arose (the service answered, no usable answer, a bad returned endpoint, no credentials), the kind says
/// what it means, and one <c>switch</c> or <c>catch (KvsSignalingException e) when (e.Kind == ...)</c> handles
/// any of them. The service's codes map to kinds as the table of <see cref="KvsErrorCodes"/> says; the values never
/// change once released.
/// </remarks>
public enum KvsErrorKind
{
    /// <summary>A service error of no kind below (an unknown 4xx code), or an error raised outside the client.</summary>
    Other = 0,

    /// <summary>
    /// The service throttled the caller: <c>ClientLimitExceededException</c>, the throttling codes of the SDKs' retry
    /// modes, HTTP 429 or 509. Retried; seen only when the retries ran out.
    /// </summary>
    Throttled = 1,

    /// <summary>The channel (or another resource) does not exist: <c>ResourceNotFoundException</c>.</summary>
    NotFound = 2,

    /// <summary>The caller may not do this: <c>AccessDeniedException</c>, <c>NotAuthorizedException</c>.</summary>
    AccessDenied = 3,

    /// <summary>
    /// The request's signature was refused: unknown access key, bad signature, missing or expired token, or a signing
    /// time too far from the service's clock (after the one corrected attempt).
    /// </summary>
    Authentication = 4,

    /// <summary>The service refused a value of the request: <c>InvalidArgumentException</c>, <c>ValidationException</c>, ...</summary>
    InvalidArgument = 5,

    /// <summary>An account or resource quota is full: <c>AccountChannelLimitExceededException</c>, <c>TagsPerResourceExceededLimitException</c>, ...</summary>
    LimitExceeded = 6,

    /// <summary>The resource is in use, for example a channel name that is taken: <c>ResourceInUseException</c>.</summary>
    InUse = 7,

    /// <summary>The version given is not the resource's current one: <c>VersionMismatchException</c>.</summary>
    VersionMismatch = 8,

    /// <summary>The service failed (HTTP 5xx with an error code, <c>InternalFailure</c>, <c>ServiceUnavailable</c>). Retried.</summary>
    ServiceFault = 9,

    /// <summary>
    /// No usable answer (<see cref="KvsTransportException"/>): connection failure, timeout, open circuit, a truncated,
    /// malformed or oversized body, or an error status without an error code. Retried where that can help.
    /// </summary>
    Transport = 10,

    /// <summary>The service returned an endpoint that cannot be used (<see cref="KvsEndpointException"/>).</summary>
    InvalidEndpoint = 11,

    /// <summary>No usable AWS credentials (<see cref="KvsCredentialsException"/>).</summary>
    Credentials = 12,
}
