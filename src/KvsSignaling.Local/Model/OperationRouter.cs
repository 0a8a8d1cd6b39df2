namespace KvsSignaling.Local.Model;

/// <summary>
/// Maps request paths to operations: control-plane paths (e.g. /getSignalingChannelEndpoint) to the
/// kinesisvideo model, and paths under a channel's local HTTPS endpoint
/// (/_endpoints/r-1a2b3c4d/v1/get-ice-server-config) to the signaling data-plane model.
/// </summary>
internal sealed class OperationRouter
{
    private readonly string _endpointPrefix;
    private readonly ShapeValidator _controlPlane = new(ServiceModel.Instance);
    private readonly ShapeValidator _signaling = new(ServiceModel.Signaling);

    public OperationRouter(string endpointPrefix)
    {
        _endpointPrefix = endpointPrefix;
    }

    public OperationRoute? Resolve(string path)
    {
        if (!path.StartsWith(_endpointPrefix, StringComparison.Ordinal))
        {
            return ServiceModel.Instance.FindByPath(path) is { } operation ? new OperationRoute(operation, _controlPlane, null) : null;
        }

        // Only the HTTPS endpoint (r-) serves the data-plane API; the WSS endpoints are for WebSocket clients.
        var rest = path[_endpointPrefix.Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !rest.StartsWith("r-", StringComparison.Ordinal))
        {
            return null;
        }

        return ServiceModel.Signaling.FindByPath(rest[slash..]) is { } dataPlane
            ? new OperationRoute(dataPlane, _signaling, rest[..slash])
            : null;
    }
}
