namespace KvsSignaling.Transport;

/// <summary>
/// The difference between the service's clock and ours, added to the signing time of later requests and of
/// presigned URLs. Learnt from the <c>Date</c> header of a clock-skew error, and of any other answer whose date is
/// more than <see cref="ObserveThreshold"/> away from ours: <c>Date</c> has whole seconds and arrives after the
/// network's delay, so smaller differences are noise, and SigV4 tolerates five minutes anyway.
/// </summary>
internal sealed class ClockOffset
{
    private long _offsetTicks;

    public TimeSpan Current => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public DateTime UtcNow => DateTime.UtcNow + Current;

    /// <summary>How far an answer's date must be from our corrected clock before it is adopted.</summary>
    public static readonly TimeSpan ObserveThreshold = TimeSpan.FromMinutes(1);

    /// <summary>Adopts the offset an answer's date implies when it differs from ours by more than <see cref="ObserveThreshold"/>.</summary>
    public void Observe(DateTimeOffset? serverDate)
    {
        if (serverDate is { } date && (date.UtcDateTime - UtcNow).Duration() > ObserveThreshold)
        {
            Correct(date);
        }
    }

    /// <summary>Adopts the offset a server date implies.</summary>
    public void Correct(DateTimeOffset serverDate) =>
        Interlocked.Exchange(ref _offsetTicks, (serverDate.UtcDateTime - DateTime.UtcNow).Ticks);
}
