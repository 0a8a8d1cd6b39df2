namespace KvsSignaling;

/// <summary>What happened in one HTTP attempt; passed to <see cref="KvsSignalingClientOptions.RequestTrace"/>. Never carries secrets.</summary>
public sealed class KvsRequestTrace
{
    internal KvsRequestTrace(string operation, Uri endpoint, int attempt, int? statusCode, string? requestId, string? errorCode, TimeSpan elapsed, bool willRetry)
    {
        Operation = operation;
        Endpoint = endpoint;
        Attempt = attempt;
        StatusCode = statusCode;
        RequestId = requestId;
        ErrorCode = errorCode;
        Elapsed = elapsed;
        WillRetry = willRetry;
    }

    /// <summary>The service operation, for example <c>GetSignalingChannelEndpoint</c>.</summary>
    public string Operation { get; }

    /// <summary>The request URL (control-plane endpoint and operation path).</summary>
    public Uri Endpoint { get; }

    /// <summary>The attempt number, starting at 1.</summary>
    public int Attempt { get; }

    /// <summary>The HTTP status, or null when no response arrived (connection failure, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>The service request id, when the response carried one.</summary>
    public string? RequestId { get; }

    /// <summary>The service error code, or a transport cause such as <c>Timeout</c> or <c>ConnectionFailure</c>; null on success.</summary>
    public string? ErrorCode { get; }

    /// <summary>How long the attempt took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>True when the client will try again after this attempt.</summary>
    public bool WillRetry { get; }

    /// <summary>A one-line summary for logs.</summary>
    public override string ToString() =>
        $"{Operation} attempt {Attempt} {Endpoint} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response")}"
        + (ErrorCode is null ? string.Empty : " " + ErrorCode)
        + (RequestId is null ? string.Empty : " request id " + RequestId)
        + $" in {Elapsed.TotalMilliseconds:F0} ms" + (WillRetry ? ", retrying" : string.Empty);
}
