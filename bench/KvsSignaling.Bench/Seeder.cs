namespace KvsSignaling.Bench;

/// <summary>Creates the channels a benchmark sweeps and writes their ARNs, one a line, in creation order.</summary>
internal static class Seeder
{
    public static async Task RunAsync(BenchArguments args)
    {
        var count = args.Number("count", 100);
        var prefix = args.Text("prefix", "bench-");
        var output = args.Text("out");
        using var client = new KvsSignalingClient(new KvsSignalingClientOptions
        {
            EndpointUrl = args.Endpoint(),
            Region = LocalCredentials.Region,
            Credentials = LocalCredentials.Create(),
            MaxAttempts = 10,
        });
        var arns = new string[count];
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}{i:D6}").ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            arns[i] = (await client.CreateSignalingChannelAsync(names[i], cancellationToken: ct).ConfigureAwait(false)).Value).ConfigureAwait(false);
        await File.WriteAllLinesAsync(output, arns).ConfigureAwait(false);
        Console.WriteLine($"created {count} channels");
    }
}
