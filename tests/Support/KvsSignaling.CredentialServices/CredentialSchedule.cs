using System.Globalization;
using System.Security.Cryptography;

namespace KvsSignaling.CredentialServices;

/// <summary>
/// Temporary credentials known in advance, each for one window of time, so that kvs-local can be told
/// every key (and when it stops being valid) before a client asks for any.
/// </summary>
/// <remarks>
/// The AWS SDK for .NET replaces refreshing credentials 16 minutes before their expiration (15 minutes of
/// pre-emption plus a one-minute buffer). The services therefore report each key's expiration as the
/// end of its window plus 16 minutes: a client that renews as it should moves to the next key when the
/// window ends, and kvs-local, which refuses a key a short grace after its window, catches one that does not.
/// </remarks>
public sealed class CredentialSchedule
{
    /// <summary>How long before the reported expiration the SDK stops using a key.</summary>
    public static readonly TimeSpan SdkRenewalLead = TimeSpan.FromMinutes(16);

    private readonly TemporaryCredential[] _credentials;

    /// <summary>Creates <paramref name="count"/> credentials whose windows of <paramref name="window"/> start at <paramref name="start"/>.</summary>
    public CredentialSchedule(DateTimeOffset start, TimeSpan window, int count, TimeSpan grace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Start = TruncateToSecond(start);
        Window = window;
        Grace = grace;
        var run = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        _credentials = Enumerable.Range(0, count).Select(i => new TemporaryCredential(
            string.Create(CultureInfo.InvariantCulture, $"ASIA{run}{i:D8}"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            Start + (window * (i + 1)) + grace)).ToArray();
    }

    /// <summary>When the first window starts (whole seconds, as the wire formats carry them).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How long each key is the current one.</summary>
    public TimeSpan Window { get; }

    /// <summary>How long after its window kvs-local still accepts a key (requests in flight).</summary>
    public TimeSpan Grace { get; }

    /// <summary>Every key, for kvs-local's credentials file.</summary>
    public IReadOnlyList<TemporaryCredential> All => _credentials;

    /// <summary>The key whose window holds <paramref name="now"/>, and the expiration to report for it; null past the last window.</summary>
    public (TemporaryCredential Credential, DateTimeOffset ReportedExpiration)? Current(DateTimeOffset now)
    {
        var index = (long)Math.Floor((now - Start) / Window);
        if (index < 0 || index >= _credentials.Length)
        {
            return null;
        }

        return (_credentials[index], Start + (Window * (index + 1)) + SdkRenewalLead);
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
