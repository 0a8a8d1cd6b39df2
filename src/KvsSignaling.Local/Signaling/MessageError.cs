namespace KvsSignaling.Local.Signaling;

/// <summary>Why a client's message was not relayed, as a STATUS_RESPONSE tells it.</summary>
internal sealed record MessageError(string ErrorType, int StatusCode, string Description)
{
    public static MessageError InvalidArgument(string description) => new(KvsErrorCodes.InvalidArgumentException, 400, description);

    public static MessageError LimitExceeded(string description) => new(KvsErrorCodes.ClientLimitExceededException, 400, description);
}
