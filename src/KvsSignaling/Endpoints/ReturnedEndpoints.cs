namespace KvsSignaling.Endpoints;

/// <summary>
/// Checks the endpoints the service returns before anyone connects to them: an absolute URI whose scheme fits the
/// protocol — <c>wss</c> for WSS, <c>https</c> for HTTPS and WEBRTC — with <c>ws</c>/<c>http</c> accepted only when
/// the control plane itself was reached over plain <c>http</c> (a local emulator).
/// </summary>
internal static class ReturnedEndpoints
{
    public static List<ProtocolEndpoint> Check(string operation, IEnumerable<KeyValuePair<string?, string?>> raw, Uri controlPlane, string? requestId)
    {
        var plain = controlPlane.Scheme == Uri.UriSchemeHttp;
        var result = new List<ProtocolEndpoint>(3);
        foreach (var item in raw)
        {
            var endpointText = item.Value ?? "(missing)";
            if (!ChannelProtocol.TryParse(item.Key, out var protocol))
            {
                throw new KvsEndpointException(
                    $"{operation} returned endpoint '{endpointText}' for protocol '{item.Key ?? "(missing)"}', which is not one of WSS, HTTPS, WEBRTC{RequestIdText(requestId)}.",
                    operation, endpointText, item.Key, requestId);
            }

            if (item.Value is null || !Uri.TryCreate(item.Value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new KvsEndpointException(
                    $"{operation} returned {protocol.Value} endpoint '{endpointText}', which is not an absolute URI{RequestIdText(requestId)}.",
                    operation, endpointText, item.Key, requestId);
            }

            var secure = protocol == ChannelProtocol.Wss ? "wss" : Uri.UriSchemeHttps;
            var insecure = protocol == ChannelProtocol.Wss ? "ws" : Uri.UriSchemeHttp;
            if (uri.Scheme != secure && !(plain && uri.Scheme == insecure))
            {
                var allowed = plain ? $"{secure} or {insecure}" : secure;
                throw new KvsEndpointException(
                    $"{operation} returned {protocol.Value} endpoint '{endpointText}' with scheme '{uri.Scheme}'; allowed: {allowed}{RequestIdText(requestId)}.",
                    operation, endpointText, item.Key, requestId);
            }

            result.Add(new ProtocolEndpoint(protocol, uri));
        }

        return result;
    }

    private static string RequestIdText(string? requestId) => requestId is null ? string.Empty : $" (request id {requestId})";
}
