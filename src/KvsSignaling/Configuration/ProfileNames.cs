namespace KvsSignaling.Configuration;

/// <summary>The profile the SDK conventions select: the named one, else <c>AWS_PROFILE</c>, else <c>default</c>.</summary>
internal static class ProfileNames
{
    public static string Effective(string? profileName, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(profileName))
        {
            return profileName!;
        }

        var fromEnvironment = environment("AWS_PROFILE");
        return string.IsNullOrWhiteSpace(fromEnvironment) ? "default" : fromEnvironment!;
    }
}
