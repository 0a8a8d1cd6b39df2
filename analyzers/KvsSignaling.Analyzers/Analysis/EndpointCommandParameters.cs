using System;
using System.Collections.Generic;

namespace KvsSignaling.Analyzers.Analysis;

/// <summary>
/// The parameters of <c>Get-KvsSignalingChannelEndpoint</c> (module/KvsSignaling.PowerShell/Commands) and PowerShell's
/// common parameters, with their aliases, resolved as PowerShell binds a name: exactly, ignoring case, else as the
/// unique prefix of one parameter's name or aliases.
/// </summary>
internal static class EndpointCommandParameters
{
    public const string ChannelArn = "ChannelARN";
    public const string Role = "Role";
    public const string Protocol = "Protocol";

    /// <summary>
    /// The command's own parameters and those of every KvsSignaling cmdlet (KvsCmdlet), each name first, then its
    /// aliases. Tests hold this to the module's source.
    /// </summary>
    internal static readonly string[][] CommandParameters =
    {
        new[] { ChannelArn, "ARN", "ResourceARN" },
        new[] { "ChannelName", "Name" },
        new[] { Role },
        new[] { Protocol },
        new[] { "ThrottleLimit" },
        new[] { "Force" },
        new[] { "Region" },
        new[] { "ProfileName", "Profile", "StoredCredentials" },
        new[] { "ProfileLocation", "AWSProfilesLocation", "ProfilesLocation" },
        new[] { "EndpointUrl", "EndpointUri" },
        new[] { "AccessKey", "AccessKeyId" },
        new[] { "SecretKey", "SecretAccessKey" },
        new[] { "SessionToken" },
        new[] { "Credential" },
        new[] { "MaxRequestsPerSecond" },
        new[] { "MaxAttempts" },
        new[] { "TimeoutSec" },
    };

    /// <summary>PowerShell's common parameters, with their aliases.</summary>
    internal static readonly string[][] CommonParameters =
    {
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

    private static readonly string[][] Parameters = Concat(CommandParameters, CommonParameters);

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

    private static string[][] Concat(string[][] first, string[][] second)
    {
        var all = new string[first.Length + second.Length][];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
