using System.Text.Json;

namespace KvsSignaling.Bench;

/// <summary>One contender's timed run, printed as one JSON line the orchestrating script reads.</summary>
internal sealed record LookupResult(string Contender, int Count, int Errors, double Seconds)
{
    /// <summary>This process's CPU time over the timed window (all threads, user and system).</summary>
    public double CpuSeconds { get; init; }

    /// <summary>The server's CPU time over the same window, when its process id was given.</summary>
    public double? ServerCpuSeconds { get; init; }

    public string ToJson() => JsonSerializer.Serialize(new { contender = Contender, count = Count, errors = Errors, seconds = Seconds, cpuSeconds = CpuSeconds, serverCpuSeconds = ServerCpuSeconds });
}
