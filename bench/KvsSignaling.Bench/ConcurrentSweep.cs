using System.Diagnostics;

namespace KvsSignaling.Bench;

/// <summary>
/// Runs one lookup per ARN with a fixed number of workers pulling from a shared index, the way every
/// contender is driven, and times only the sweep (a warm-up sweep over a prefix runs first, untimed).
/// </summary>
internal static class ConcurrentSweep
{
    public static async Task<LookupResult> RunAsync(string contender, IReadOnlyList<string> arns, int concurrency, int warmup, Func<string, Task> lookup)
    {
        await SweepAsync(arns.Take(Math.Min(warmup, arns.Count)).ToArray(), concurrency, lookup).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var errors = await SweepAsync(arns, concurrency, lookup).ConfigureAwait(false);
        return new LookupResult(contender, arns.Count, errors, watch.Elapsed.TotalSeconds);
    }

    private static async Task<int> SweepAsync(IReadOnlyList<string> arns, int concurrency, Func<string, Task> lookup)
    {
        var next = -1;
        var errors = 0;
        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < arns.Count)
            {
                try
                {
                    await lookup(arns[index]).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.Error.WriteLine($"first error: {exception.GetType().Name}: {exception.Message}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
        return errors;
    }
}
