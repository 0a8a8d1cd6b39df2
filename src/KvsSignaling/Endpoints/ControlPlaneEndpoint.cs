using System.Text.RegularExpressions;

namespace KvsSignaling.Endpoints;

/// <summary>
/// Chooses the control-plane URL: the explicit <see cref="KvsSignalingClientOptions.EndpointUrl"/>, else
/// <c>AWS_ENDPOINT_URL_KINESIS_VIDEO</c>, else <c>AWS_ENDPOINT_URL</c>, else the region's endpoint from the rule set.
/// A custom endpoint goes through the rule set too, so FIPS or dual-stack with it fails exactly as the rules say.
/// </summary>
internal static class ControlPlaneEndpoint
{
    public const string ServiceEndpointVariable = "AWS_ENDPOINT_URL_KINESIS_VIDEO";
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";

    private static readonly Regex RegionName = new("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);

    /// <summary>Resolves the URL; throws <see cref="ArgumentException"/> naming the setting that is wrong.</summary>
    public static Uri Resolve(Uri? explicitUrl, Func<string, string?> environment, string? region, bool useFips, bool useDualStack, EndpointRuleSet rules)
    {
        string? custom = null;
        string? source = null;
        if (explicitUrl is not null)
        {
            custom = CheckCustom(explicitUrl.OriginalString, "EndpointUrl");
            source = "EndpointUrl";
        }
        else
        {
            foreach (var variable in new[] { ServiceEndpointVariable, GlobalEndpointVariable })
            {
                var value = environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    custom = CheckCustom(value!.Trim(), "environment variable " + variable);
                    source = "environment variable " + variable;
                    break;
                }
            }
        }

        if (custom is null)
        {
            CheckRegion(region);
        }

        try
        {
            return new Uri(rules.Resolve(custom is null ? region : null, useFips, useDualStack, custom), UriKind.Absolute);
        }
        catch (EndpointRuleException e)
        {
            var where = source is null ? $"region '{region}'" : source;
            throw new ArgumentException($"Cannot resolve the Kinesis Video endpoint for {where} (UseFips={useFips}, UseDualStack={useDualStack}): {e.Message}.", "options", e);
        }
    }

    /// <summary>Checks a region name before it becomes part of a host name.</summary>
    public static void CheckRegion(string? region)
    {
        if (string.IsNullOrEmpty(region))
        {
            throw new ArgumentException(
                "No region is configured: set the Region option, the AWS_REGION or AWS_DEFAULT_REGION environment variable, or 'region' in the AWS profile (a custom endpoint needs the region too, to sign for).",
                "options");
        }

        if (!RegionName.IsMatch(region))
        {
            throw new ArgumentException($"Region '{ModelConstraints.Shorten(region!)}' is not a valid region name; allowed: lower-case letters, digits and '-', 1..63 characters, for example 'us-west-2'.", "options");
        }
    }

    private static string CheckCustom(string value, string setting)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ArgumentException($"The {setting} value '{ModelConstraints.Shorten(value)}' is not a usable endpoint; allowed: an absolute http:// or https:// URL without query or fragment.", "options");
        }

        return uri.AbsoluteUri;
    }
}
