namespace KvsSignaling.Configuration;

/// <summary>
/// Finds the region: the caller's, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else the region of the
/// profile (the named one, else <c>AWS_PROFILE</c>, else <c>default</c>) in the SDK's shared profile store.
/// The instance-metadata lookup of the SDK's fallback chain is left out on purpose: off EC2 it stalls for seconds.
/// </summary>
internal static class RegionSource
{
    public static string? Resolve(string? region, string? profileName, string? profilesLocation, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return region!.Trim();
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value!.Trim();
            }
        }

        var profile = ProfileNames.Effective(profileName, environment);
        try
        {
            return ProfileStore.Open(profilesLocation).TryGetProfile(profile, out var stored) ? stored.Region?.SystemName : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable profile file means "no region from the profile"; the caller then gets the missing-region error.
            return null;
        }
    }
}
