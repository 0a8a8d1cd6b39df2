using System.Text.RegularExpressions;
using KvsSignaling.Local.Endpoints;
using Microsoft.AspNetCore.Http;

namespace KvsSignaling.Local.Signaling;

/// <summary>
/// Recognizes a request to a WSS endpoint: in the local style the path /_endpoints/m-1a2b3c4d (or v-), in
/// the aws style the host m-1a2b3c4d.kinesisvideo.… with the path /, as a client that resolves that host
/// to kvs-local sends it.
/// </summary>
internal static partial class SignalingEndpoint
{
    /// <summary>The endpoint id (m- or v- and the channel id) the request is for, or null when it is not for a WSS endpoint.</summary>
    public static string? Resolve(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path.StartsWith(EndpointFactory.LocalPathPrefix, StringComparison.Ordinal))
        {
            var match = LocalPath().Match(path[EndpointFactory.LocalPathPrefix.Length..]);
            return match.Success ? match.Groups[1].Value : null;
        }

        if (path is "/" or "")
        {
            var match = AwsHost().Match(request.Host.Host);
            return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
        }

        return null;
    }

    public static SignalingRole RoleOf(string endpointId) => endpointId[0] == 'm' ? SignalingRole.Master : SignalingRole.Viewer;

    [GeneratedRegex("^([mv]-[0-9a-f]{8})/?$")]
    private static partial Regex LocalPath();

    [GeneratedRegex("^([mv]-[0-9a-f]{8})\\.kinesisvideo\\.", RegexOptions.IgnoreCase)]
    private static partial Regex AwsHost();
}
