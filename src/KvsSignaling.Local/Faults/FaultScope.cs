namespace KvsSignaling.Local.Faults;

/// <summary>What a fault can hit: an HTTP request of the service, a WebSocket upgrade, or a signaling message.</summary>
internal enum FaultScope
{
    Request,
    Upgrade,
    Message,
}

/// <summary>Which kinds make sense where, so a rule for every operation is not used up by something it cannot do.</summary>
internal static class FaultScopes
{
    public static bool Applies(FaultKind kind, FaultScope scope) => scope switch
    {
        FaultScope.Request => kind is not (FaultKind.DropMessage or FaultKind.AbortConnection),
        FaultScope.Upgrade => kind is FaultKind.Throttle or FaultKind.InternalError or FaultKind.ServiceUnavailable
            or FaultKind.Latency or FaultKind.DropConnection or FaultKind.HtmlErrorPage,
        _ => kind is FaultKind.Latency or FaultKind.DropMessage or FaultKind.AbortConnection,
    };
}
