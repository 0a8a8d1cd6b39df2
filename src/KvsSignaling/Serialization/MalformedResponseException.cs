namespace KvsSignaling.Serialization;

/// <summary>A 2xx body that is not the JSON the model describes.</summary>
internal sealed class MalformedResponseException : Exception
{
    public MalformedResponseException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
