namespace KvsSignaling.Transport;

/// <summary>A response body exceeded the configured limit; never retried, since the same request gets the same body.</summary>
internal sealed class BodyTooLargeException : Exception
{
    public BodyTooLargeException(long limit)
        : base($"the response body is larger than the limit of {limit} bytes")
    {
    }
}
