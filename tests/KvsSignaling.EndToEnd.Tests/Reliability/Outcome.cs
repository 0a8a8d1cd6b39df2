namespace KvsSignaling.EndToEnd.Tests.Reliability;

/// <summary>What a fault should lead to: success after retries, or one exception of a documented type.</summary>
public enum Outcome
{
    Success,
    ServiceError,
    TransportError,
    EndpointError,
}
