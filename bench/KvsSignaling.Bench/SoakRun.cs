using System.Diagnostics;
using KvsSignaling.Local;
using KvsSignaling.Local.Faults;

namespace KvsSignaling.Bench;

/// <summary>
/// Lookups at a steady rate against an in-process kvs-local that injects faults on 1% of requests. Each lookup
/// is settled exactly once (success or error), and the counts must add up to the lookups started; the working
/// set and managed heap are sampled every minute to show whether memory stays flat.
/// </summary>
internal static class SoakRun
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var seconds = args.Number("seconds", 600);
        var rate = args.Number("rate", 200);
        var channelCount = args.Number("channels", 500);
        var faultKinds = new[] { FaultKind.InternalError, FaultKind.ServiceUnavailable, FaultKind.Throttle, FaultKind.DropConnection, FaultKind.TruncatedBody, FaultKind.MalformedBody, FaultKind.HtmlErrorPage };
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            QuotasEnabled = false,
            Faults = faultKinds.Select(kind => new FaultRule { Kind = kind, Operation = "GetSignalingChannelEndpoint", Rate = 0.01 / faultKinds.Length }).ToArray(),
        }).ConfigureAwait(false);
        using var client = new KvsSignalingClient(new KvsSignalingClientOptions
        {
            EndpointUrl = server.BaseUrl,
            Region = LocalCredentials.Region,
            Credentials = LocalCredentials.Create(),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });
        var arns = new string[channelCount];
        for (var i = 0; i < channelCount; i++)
        {
            arns[i] = (await client.CreateSignalingChannelAsync($"soak-{i:D5}").ConfigureAwait(false)).Value;
        }

        long started = 0, succeeded = 0, failed = 0;
        var errorCodes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var pending = new List<Task>();
        var watch = Stopwatch.StartNew();
        var nextSample = TimeSpan.FromSeconds(Math.Min(60, seconds));
        var samples = new List<string>();
        var total = seconds * rate;
        // How many times each lookup settled: exactly once is right, zero is a lost lookup, two a doubled one.
        var settlements = new int[total];
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate);
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            if (watch.Elapsed >= nextSample)
            {
                samples.Add(Sample(watch.Elapsed));
                nextSample += TimeSpan.FromSeconds(60);
                pending.RemoveAll(task => task.IsCompleted);
            }

            Interlocked.Increment(ref started);
            var index = n;
            pending.Add(Lookup());

            async Task Lookup()
            {
                try
                {
                    await client.GetSignalingChannelEndpointAsync(arns[index % channelCount], ChannelRole.Master).ConfigureAwait(false);
                    Interlocked.Increment(ref succeeded);
                }
                catch (KvsSignalingException exception)
                {
                    Interlocked.Increment(ref failed);
                    errorCodes.AddOrUpdate(exception.ErrorCode, 1, (_, c) => c + 1);
                }

                Interlocked.Increment(ref settlements[index]);
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        samples.Add(Sample(watch.Elapsed));
        var lost = settlements.Count(s => s == 0);
        var doubled = settlements.Count(s => s > 1);
        foreach (var sample in samples)
        {
            Console.WriteLine(sample);
        }

        Console.WriteLine($"soak: {started} lookups in {watch.Elapsed.TotalSeconds:F1} s ({started / watch.Elapsed.TotalSeconds:F0}/s): {succeeded} succeeded, {failed} surfaced one error, {lost} lost, {doubled} settled more than once");
        Console.WriteLine($"soak: requests seen by kvs-local: {server.Admin.GetRequestCount("GetSignalingChannelEndpoint")}; surfaced errors by code: {string.Join(", ", errorCodes.Select(e => $"{e.Key}={e.Value}"))}");
        return lost == 0 && doubled == 0 && succeeded + failed == started ? 0 : 1;
    }

    private static string Sample(TimeSpan at)
    {
        using var process = Process.GetCurrentProcess();
        return $"soak: at {at.TotalSeconds,6:F0} s working set {process.WorkingSet64 / 1048576.0:F1} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB";
    }
}
