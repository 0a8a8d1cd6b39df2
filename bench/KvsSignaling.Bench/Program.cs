using KvsSignaling;
using KvsSignaling.Bench;

// kvs-bench <command> --option value ...: the .NET side of bench/Invoke-Benchmarks.ps1.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: kvs-bench seed|raw|core|soak|signaling|gen-analyzer-project --option value ...");
    return 2;
}

try
{
    var options = new BenchArguments(args.Skip(1));
    switch (args[0])
    {
        case "seed":
            await Seeder.RunAsync(options);
            return 0;
        case "raw":
        {
            using var raw = new RawLookup(options.Endpoint());
            var arns = await File.ReadAllLinesAsync(options.Text("arns"));
            Console.WriteLine((await ConcurrentSweep.RunAsync("raw", arns, options.Number("concurrency", 8), options.Number("warmup", 50, 0), options.Number("seconds", 0, 0), ServerPid(options), raw.LookupAsync)).ToJson());
            return 0;
        }

        case "core":
        {
            var maxRps = options.Number("max-rps", 0, 0);
            using var client = CoreLookup.CreateClient(options.Endpoint(), maxRps > 0 ? maxRps : null);
            var arns = await File.ReadAllLinesAsync(options.Text("arns"));
            Console.WriteLine((await ConcurrentSweep.RunAsync("core", arns, options.Number("concurrency", 8), options.Number("warmup", 50, 0), options.Number("seconds", 0, 0), ServerPid(options),
                arn => client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master))).ToJson());
            return 0;
        }

        case "soak":
            return await SoakRun.RunAsync(options);
        case "signaling":
            return await SignalingRun.RunAsync(options);
        case "gen-analyzer-project":
            AnalyzerProjectGenerator.Run(options);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}': seed, raw, core, soak, signaling or gen-analyzer-project.");
            return 2;
    }
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

// --server-pid: the kvs-local process whose CPU time the timed window also reports.
static int? ServerPid(BenchArguments options) => options.Number("server-pid", 0, 0) is var pid and > 0 ? pid : null;
