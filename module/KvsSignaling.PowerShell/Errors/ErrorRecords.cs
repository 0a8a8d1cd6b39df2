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

    /// <summary>
    /// The id and category of a failure, from the core's <see cref="KvsErrorKind"/> alone: the core classifies service
    /// codes once, and the cmdlets never read code strings.
    /// </summary>
    private static (string ErrorId, ErrorCategory Category) Classify(Exception exception) => exception switch
    {
        // A signaling WebSocket that could not be opened or was lost is its own id; a handshake the service refused
        // for a reason with an id of its own (authentication, access, a missing channel, throttling) keeps that id.
        KvsSignalingConnectionException { Kind: KvsErrorKind.Transport or KvsErrorKind.ServiceFault or KvsErrorKind.Other }
            => (ErrorIds.SignalingConnectionFailed, ErrorCategory.ConnectionError),
        KvsSignalingException failure => ForKind(failure.Kind),
        ArgumentException => (ErrorIds.InvalidClientConfiguration, ErrorCategory.InvalidArgument),
        _ => (ErrorIds.RequestFailed, ErrorCategory.NotSpecified),
    };

    private static (string ErrorId, ErrorCategory Category) ForKind(KvsErrorKind kind) => kind switch
    {
        KvsErrorKind.Credentials => (ErrorIds.CredentialsUnavailable, ErrorCategory.AuthenticationError),
        KvsErrorKind.NotFound => (ErrorIds.ChannelNotFound, ErrorCategory.ObjectNotFound),
        KvsErrorKind.AccessDenied => (ErrorIds.AccessDenied, ErrorCategory.PermissionDenied),
        KvsErrorKind.Authentication => (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError),
        KvsErrorKind.Throttled => (ErrorIds.Throttled, ErrorCategory.LimitsExceeded),
        KvsErrorKind.LimitExceeded => (ErrorIds.ChannelLimitExceeded, ErrorCategory.LimitsExceeded),
        KvsErrorKind.InvalidArgument => (ErrorIds.ServiceRejectedArgument, ErrorCategory.InvalidArgument),
        KvsErrorKind.InUse => (ErrorIds.ChannelInUse, ErrorCategory.ResourceExists),
        KvsErrorKind.VersionMismatch => (ErrorIds.VersionMismatch, ErrorCategory.InvalidOperation),
        KvsErrorKind.ServiceFault => (ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable),
        KvsErrorKind.Transport => (ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError),
        KvsErrorKind.InvalidEndpoint => (ErrorIds.InvalidEndpoint, ErrorCategory.InvalidResult),
        _ => (ErrorIds.ServiceError, ErrorCategory.NotSpecified),
    };
}
