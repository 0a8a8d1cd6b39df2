namespace KvsSignaling.PowerShell.Errors;

/// <summary>
/// The stable error ids the cmdlets report (the first part of FullyQualifiedErrorId). Scripts
/// match on them, so they never change once released.
/// </summary>
internal static class ErrorIds
{
    // Arguments, checked before any request.
    public const string InvalidChannelArn = "InvalidChannelArn";
    public const string InvalidChannelName = "InvalidChannelName";
    public const string InvalidCurrentVersion = "InvalidCurrentVersion";
    public const string InvalidRole = "InvalidRole";
    public const string InvalidProtocol = "InvalidProtocol";
    public const string DuplicateProtocol = "DuplicateProtocol";
    public const string TooManyProtocols = "TooManyProtocols";
    public const string DuplicateRole = "DuplicateRole";
    public const string InvalidTag = "InvalidTag";
    public const string InvalidClientId = "InvalidClientId";
    public const string IncompleteCredentials = "IncompleteCredentials";
    public const string InvalidClientConfiguration = "InvalidClientConfiguration";
    public const string InvalidDuration = "InvalidDuration";

    // The call as a whole: no usable AWS credentials (unknown profile, a failed role, SSO or web-identity source).
    public const string CredentialsUnavailable = "CredentialsUnavailable";

    // What the service answered.
    public const string ChannelNotFound = "ChannelNotFound";
    public const string AccessDenied = "AccessDenied";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string Throttled = "Throttled";
    public const string ChannelLimitExceeded = "ChannelLimitExceeded";
    public const string ServiceRejectedArgument = "ServiceRejectedArgument";
    public const string ChannelInUse = "ChannelInUse";
    public const string VersionMismatch = "VersionMismatch";
    public const string ServiceError = "ServiceError";

    // What happened on the way.
    public const string ConnectionFailed = "ConnectionFailed";
    public const string InvalidEndpoint = "InvalidEndpoint";
    public const string RequestFailed = "RequestFailed";
    public const string SignalingConnectionFailed = "SignalingConnectionFailed";
}
