namespace KvsSignaling.Local.Wire;

/// <summary>Ends the handling of a request with a service error; the pipeline turns it into the wire response.</summary>
internal sealed class ServiceErrorException(ServiceError error) : Exception(error.Message)
{
    public ServiceError Error { get; } = error;
}
