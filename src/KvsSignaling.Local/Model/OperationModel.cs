namespace KvsSignaling.Local.Model;

/// <summary>An operation of the service model with its HTTP binding and input shape.</summary>
internal sealed record OperationModel(string Name, string Method, string RequestUri, string? InputShape);
