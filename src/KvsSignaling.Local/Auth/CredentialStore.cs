namespace KvsSignaling.Local.Auth;

/// <summary>The access keys kvs-local accepts; in permissive mode any key is accepted with one shared secret.</summary>
internal sealed class CredentialStore
{
    private readonly Dictionary<string, KvsLocalCredential> _byAccessKey;
    private readonly string? _permissiveSecret;
    private readonly string _defaultAccountId;

    public CredentialStore(IEnumerable<KvsLocalCredential> credentials, string? permissiveSecret, string defaultAccountId)
    {
        _byAccessKey = new Dictionary<string, KvsLocalCredential>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            if (!_byAccessKey.TryAdd(credential.AccessKeyId, credential))
            {
                throw new ArgumentException($"Access key '{credential.AccessKeyId}' is configured more than once.");
            }
        }

        _permissiveSecret = permissiveSecret;
        _defaultAccountId = defaultAccountId;
    }

    public KvsLocalCredential? Find(string accessKeyId)
    {
        if (_byAccessKey.TryGetValue(accessKeyId, out var credential))
        {
            return credential;
        }

        return _permissiveSecret is null ? null : new KvsLocalCredential(accessKeyId, _permissiveSecret, _defaultAccountId);
    }
}
