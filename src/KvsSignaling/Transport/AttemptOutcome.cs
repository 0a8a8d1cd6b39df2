namespace KvsSignaling.Transport;

/// <summary>What one HTTP attempt came to.</summary>
internal enum AttemptResult
{
    /// <summary>A 2xx answer with its whole body.</summary>
    Success,

    /// <summary>An error answer (any non-2xx status).</summary>
    ErrorAnswer,

    /// <summary>The attempt timed out.</summary>
    Timeout,

    /// <summary>The connection failed or the body was cut short.</summary>
    ConnectionFailure,
}

/// <summary>One attempt's outcome, with what the decision to return, retry or throw needs.</summary>
internal sealed class AttemptOutcome
{
    public AttemptOutcome(AttemptResult result, int? status, string? requestId, ReadOnlyMemory<byte> body)
    {
        Result = result;
        Status = status;
        RequestId = requestId;
        Body = body;
    }

    public AttemptResult Result { get; }

    public int? Status { get; }

    public string? RequestId { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The parsed error of an <see cref="AttemptResult.ErrorAnswer"/>.</summary>
    public ServiceError? Error { get; set; }

    /// <summary>The service's clock (Date header) on an error answer, for clock-skew correction.</summary>
    public DateTimeOffset? ServerDate { get; set; }

    /// <summary>The content type and reason phrase of an error answer without an error code, for its message.</summary>
    public string? ContentType { get; set; }

    public string? ReasonPhrase { get; set; }

    /// <summary>Why a transport failure happened.</summary>
    public Exception? Cause { get; set; }

    /// <summary>The kind of an <see cref="AttemptResult.ErrorAnswer"/> (by its code, else its status); null for other results.</summary>
    public KvsErrorKind? ErrorKind => Result == AttemptResult.ErrorAnswer ? ErrorKinds.OfServiceError(Error?.Code, Status!.Value) : null;

    /// <summary>True when an answer came back at all (the endpoint is alive).</summary>
    public bool Answered => Result is AttemptResult.Success or AttemptResult.ErrorAnswer;

    /// <summary>The error code for traces: the service's, or Timeout / ConnectionFailure.</summary>
    public string? TraceCode => Result switch
    {
        AttemptResult.ErrorAnswer => Error?.Code,
        AttemptResult.Timeout => KvsErrorCodes.Timeout,
        AttemptResult.ConnectionFailure => KvsErrorCodes.ConnectionFailure,
        _ => null,
    };
}
