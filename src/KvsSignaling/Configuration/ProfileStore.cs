using Amazon.Runtime.CredentialManagement;

namespace KvsSignaling.Configuration;

/// <summary>The SDK's shared profile store: the default files, or one credentials file when a location is given.</summary>
internal static class ProfileStore
{
    public static CredentialProfileStoreChain Open(string? profilesLocation) =>
        profilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profilesLocation);

    /// <summary>The files a profile is looked up in, for messages.</summary>
    public static string Describe(string? profilesLocation)
    {
        if (profilesLocation is not null)
        {
            return profilesLocation;
        }

        try
        {
            var files = new SharedCredentialsFile();
            return $"{files.ConfigFilePath} or {files.FilePath}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return "the shared config and credentials files";
        }
    }
}
