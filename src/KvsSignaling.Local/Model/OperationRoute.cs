namespace KvsSignaling.Local.Model;

/// <summary>Where a request path leads: an operation of one of the models, and the channel endpoint it was sent to.</summary>
/// <param name="Operation">The operation bound to the path.</param>
/// <param name="Validator">Validates input against the operation's model.</param>
/// <param name="EndpointId">For data-plane paths, the endpoint id (e.g. r-1a2b3c4d); null on the control plane.</param>
internal sealed record OperationRoute(OperationModel Operation, ShapeValidator Validator, string? EndpointId);
