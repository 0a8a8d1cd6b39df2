using System.Globalization;
using System.Management.Automation;

namespace KvsSignaling.PowerShell.Errors;

/// <summary>Turns the core's exceptions and bad arguments into ErrorRecords with stable ids and fitting categories.</summary>
internal static class ErrorRecords
{
    /// <summary>An argument that cannot be used: the message names the value and what is allowed.</summary>
    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    /// <summary>
    /// An argument the core refused, with its message as a PowerShell user reads it. The id is the input's
    /// (<paramref name="errorId"/>) unless the core named another argument as the bad one.
    /// </summary>
    public static ErrorRecord InvalidArgument(string errorId, ArgumentException exception, object? target) =>
        InvalidArgument(exception.ParamName == "currentVersion" ? ErrorIds.InvalidCurrentVersion : errorId, MessageOf(exception), target);

    /// <summary>A malformed ARN input; a bare word (no "arn:") is most likely a channel name given where an ARN goes.</summary>
    public static ErrorRecord InvalidChannelArn(string value, ArgumentException exception)
    {
        var message = MessageOf(exception);
        if (!value.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) && value.IndexOf(':') < 0)
        {
            message += $" If '{value}' is a channel name, pass it with -ChannelName (or pipe objects with a ChannelName property).";
        }

        return InvalidArgument(ErrorIds.InvalidChannelArn, message, value);
    }

    /// <summary>An ArgumentException's message without the " (Parameter 'name')" that .NET appends, which names a .NET parameter, not a cmdlet's.</summary>
    public static string MessageOf(ArgumentException exception)
    {
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        return suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? exception.Message.Substring(0, exception.Message.Length - suffix.Length)
            : exception.Message;
    }

    /// <summary>The record for a failed request on behalf of one input.</summary>
    public static ErrorRecord FromException(Exception exception, object? target)
    {
        var (errorId, category) = Classify(exception);
        var record = new ErrorRecord(exception, errorId, category, target);
        if (exception is KvsSignalingException { RequestId: { Length: > 0 } requestId } && !exception.Message.Contains(requestId))
        {
            record.ErrorDetails = new ErrorDetails(string.Format(CultureInfo.InvariantCulture, "{0} (request id {1})", exception.Message, requestId));
        }

        return record;
    }

    private static (string ErrorId, ErrorCategory Category) Classify(Exception exception) => exception switch
    {
        KvsCredentialsException => (ErrorIds.CredentialsUnavailable, ErrorCategory.AuthenticationError),
        KvsServiceException service => ClassifyServiceError(service),
        KvsEndpointException => (ErrorIds.InvalidEndpoint, ErrorCategory.InvalidResult),
        KvsTransportException => (ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError),
        KvsSignalingConnectionException => (ErrorIds.SignalingConnectionFailed, ErrorCategory.ConnectionError),
        ArgumentException => (ErrorIds.InvalidClientConfiguration, ErrorCategory.InvalidArgument),
        _ => (ErrorIds.RequestFailed, ErrorCategory.NotSpecified),
    };

    private static (string ErrorId, ErrorCategory Category) ClassifyServiceError(KvsServiceException exception) => exception.ErrorCode switch
    {
        "ResourceNotFoundException" => (ErrorIds.ChannelNotFound, ErrorCategory.ObjectNotFound),
        "AccessDeniedException" or "NotAuthorizedException" => (ErrorIds.AccessDenied, ErrorCategory.PermissionDenied),
        "UnrecognizedClientException" or "InvalidSignatureException" or "IncompleteSignature" or "InvalidClientTokenId"
            or "MissingAuthenticationToken" or "ExpiredTokenException" or "SignatureDoesNotMatch"
            => (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError),
        "ClientLimitExceededException" or "ThrottlingException" or "LimitExceededException"
            => (ErrorIds.Throttled, ErrorCategory.LimitsExceeded),
        "AccountChannelLimitExceededException" or "TagsPerResourceExceededLimitException"
            => (ErrorIds.ChannelLimitExceeded, ErrorCategory.LimitsExceeded),
        "InvalidArgumentException" or "ValidationException" or "SerializationException"
            => (ErrorIds.ServiceRejectedArgument, ErrorCategory.InvalidArgument),
        "ResourceInUseException" => (ErrorIds.ChannelInUse, ErrorCategory.ResourceExists),
        "VersionMismatchException" => (ErrorIds.VersionMismatch, ErrorCategory.InvalidOperation),
        _ when exception.StatusCode >= 500 => (ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable),
        _ => (ErrorIds.ServiceError, ErrorCategory.NotSpecified),
    };
}
