namespace KvsSignaling.Local.Auth;

/// <summary>Who sent a verified request and where: the account comes from the key, the region from the scope.</summary>
internal sealed record CallerIdentity(string AccessKeyId, string AccountId, string Region);
