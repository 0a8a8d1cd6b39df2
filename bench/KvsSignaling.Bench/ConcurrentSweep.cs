using System.Diagnostics;

namespace KvsSignaling.Bench;

/// <summary>
/// Runs lookups with a fixed number of workers pulling from a shared index, the way every contender is driven.
/// An untimed warm-up sweep over a prefix runs first; then the timed window sweeps the ARNs again and again
/// until it has lasted at least the window's seconds (one sweep when none is given). The window reports its
/// lookups, wall time, this process's CPU time and, when given the server's process id, the server's CPU time
/// over the same window, so that client cost per lookup can be told apart from the server's on a shared machine.
/// </summary>
internal static class ConcurrentSweep
{
    public static async Task<LookupResult> RunAsync(string contender, IReadOnlyList<string> arns, int concurrency, int warmup, Func<string, Task> lookup) =>
        await RunAsync(contender, arns, concurrency, warmup, 0, null, lookup).ConfigureAwait(false);

    public static async Task<LookupResult> RunAsync(string contender, IReadOnlyList<string> arns, int concurrency, int warmup, int windowSeconds, int? serverPid, Func<string, Task> lookup)
    {
        await SweepAsync(arns.Take(Math.Min(warmup, arns.Count)).ToArray(), concurrency, lookup).ConfigureAwait(false);
        using var self = Process.GetCurrentProcess();
        using var server = serverPid is { } pid ? Process.GetProcessById(pid) : null;
        var cpuBefore = self.TotalProcessorTime;
        var serverBefore = server?.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var count = 0;
        var errors = 0;
        do
        {
            errors += await SweepAsync(arns, concurrency, lookup).ConfigureAwait(false);
            count += arns.Count;
        }
        while (watch.Elapsed.TotalSeconds < windowSeconds);

        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        server?.Refresh();
        return new LookupResult(contender, count, errors, seconds)
        {
            CpuSeconds = (self.TotalProcessorTime - cpuBefore).TotalSeconds,
            ServerCpuSeconds = server is null ? null : (server.TotalProcessorTime - serverBefore!.Value).TotalSeconds,
        };
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
