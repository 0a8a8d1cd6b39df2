using System;
using System.Collections.Generic;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>
/// The parameters of <c>Get-KvsSignalingChannelEndpoint</c> (module/KvsSignaling.Module/Commands) and PowerShell's
/// common parameters, with their aliases, resolved as PowerShell binds a name: exactly, ignoring case, else as the
/// unique prefix of one parameter's name or aliases.
/// </summary>
internal static class EndpointCommandParameters
{
    public const string ChannelArn = "ChannelARN";
    public const string Role = "Role";
    public const string Protocol = "Protocol";

    private static readonly string[][] Parameters =
    {
        new[] { ChannelArn, "ARN", "ResourceARN" },
        new[] { "ChannelName" },
        new[] { Role },
        new[] { Protocol },
        new[] { "ThrottleLimit" },
        new[] { "Force" },
        new[] { "Region" },
        new[] { "ProfileName", "Profile" },
        new[] { "EndpointUrl", "EndpointUri" },
        new[] { "AccessKey", "AccessKeyId" },
        new[] { "SecretKey", "SecretAccessKey" },
        new[] { "SessionToken" },
        new[] { "Credential" },
        new[] { "MaxRequestsPerSecond" },
        new[] { "Verbose", "vb" },
        new[] { "Debug", "db" },
        new[] { "ErrorAction", "ea" },
        new[] { "WarningAction", "wa" },
        new[] { "InformationAction", "infa" },
        new[] { "ProgressAction", "proga" },
        new[] { "ErrorVariable", "ev" },
        new[] { "WarningVariable", "wv" },
        new[] { "InformationVariable", "iv" },
        new[] { "OutVariable", "ov" },
        new[] { "OutBuffer", "ob" },
        new[] { "PipelineVariable", "pv" },
    };

    /// <summary>
    /// The parameter's name, or null when the name binds to none (<paramref name="candidates"/> empty) or to more
    /// than one (<paramref name="candidates"/> lists them).
    /// </summary>
    public static string? Resolve(string name, out List<string> candidates)
    {
        candidates = new List<string>();
        if (name.StartsWith("-", StringComparison.Ordinal))
        {
            name = name.Substring(1);
        }

        foreach (var parameter in Parameters)
        {
            foreach (var alias in parameter)
            {
                if (alias.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return parameter[0];
                }
            }
        }

        if (name.Length == 0)
        {
            return null;
        }

        foreach (var parameter in Parameters)
        {
            foreach (var alias in parameter)
            {
                if (alias.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    candidates.Add(parameter[0]);
                    break;
                }
            }
        }

        return candidates.Count == 1 ? candidates[0] : null;
    }
}
