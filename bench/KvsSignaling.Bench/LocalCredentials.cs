using Amazon.Runtime;

namespace KvsSignaling.Bench;

/// <summary>kvs-local's default credential and the region every contender signs for.</summary>
internal static class LocalCredentials
{
    public const string AccessKey = "AKIDLOCAL";
    public const string Region = "us-west-2";

    // kvs-local's published default secret (docs/kvs-local.md); it means nothing outside kvs-local.
    private const string SecretKey = "kvs-local-secret";

    public static BasicAWSCredentials Create() => new(AccessKey, SecretKey);
}
