namespace KvsSignaling.EndToEnd.Tests.Infrastructure;

/// <summary>Unique channel names, so tests sharing a server never collide.</summary>
internal static class Channels
{
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 12);
}
