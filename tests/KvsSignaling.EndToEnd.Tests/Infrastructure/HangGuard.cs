namespace KvsSignaling.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A generous ceiling on a test's calls: a hang becomes a cancelled call and a failed test instead of a stuck run.
/// Not a timing assertion — every call is expected to finish far sooner.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);

    public static CancellationTokenSource Start() => new(Ceiling);
}
