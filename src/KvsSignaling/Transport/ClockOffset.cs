namespace KvsSignaling.Transport;

/// <summary>
/// The difference between the service's clock and ours, learnt from the <c>Date</c> header of a clock-skew error,
/// added to the signing time of later requests.
/// </summary>
internal sealed class ClockOffset
{
    private long _offsetTicks;

    public TimeSpan Current => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public DateTime UtcNow => DateTime.UtcNow + Current;

    /// <summary>Adopts the offset a server date implies.</summary>
    public void Correct(DateTimeOffset serverDate) =>
        Interlocked.Exchange(ref _offsetTicks, (serverDate.UtcDateTime - DateTime.UtcNow).Ticks);
}
