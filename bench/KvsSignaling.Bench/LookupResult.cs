using System.Text.Json;

namespace KvsSignaling.Bench;

/// <summary>One contender's timed run, printed as one JSON line the orchestrating script reads.</summary>
internal sealed record LookupResult(string Contender, int Count, int Errors, double Seconds)
{
    public string ToJson() => JsonSerializer.Serialize(new { contender = Contender, count = Count, errors = Errors, seconds = Seconds });
}
