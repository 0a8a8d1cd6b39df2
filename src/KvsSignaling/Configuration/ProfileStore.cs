using Amazon.Runtime.CredentialManagement;

namespace KvsSignaling.Configuration;

/// <summary>The SDK's shared profile store: the default files, or one credentials file when a location is given.</summary>
internal static class ProfileStore
{
    public static CredentialProfileStoreChain Open(string? profilesLocation) =>
        profilesLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(profilesLocation);
}
