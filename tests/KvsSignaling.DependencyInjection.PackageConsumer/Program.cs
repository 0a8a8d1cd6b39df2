// Takes the client from a container configured from an in-memory section, with a handler of its own on the
// "KvsSignaling" HTTP client and a console logger; creates a channel, looks up its endpoints and deletes it against
// the endpoint given as the first argument (kvs-local in the test), and prints what went through the factory and
// every log line of the client and of its HTTP client, headers included.
using Amazon.Runtime;
using KvsSignaling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["KvsSignaling:Region"] = "us-west-2",
    ["KvsSignaling:EndpointUrl"] = args[0],
    ["KvsSignaling:EnableEndpointCache"] = "true",
    ["KvsSignaling:MaxAttempts"] = "4",
}).Build();

var counter = new RequestCounter();
var services = new ServiceCollection();
services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new ConsoleLogger()));
services.AddKvsSignaling(configuration.GetSection("KvsSignaling"), options => options.Credentials = new BasicAWSCredentials(args[1], args[2]));
services.AddHttpClient(KvsSignalingServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(counter));

using (var provider = services.BuildServiceProvider())
{
    var client = provider.GetRequiredService<IKvsSignalingClient>();
    var arn = await client.CreateSignalingChannelAsync("di-package-consumer");
    try
    {
        var endpoints = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer);
        var cached = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer);
        Console.WriteLine($"wss: {endpoints.Wss}");
        Console.WriteLine($"second lookup from the cache: {cached.FromCache}");
    }
    finally
    {
        await client.DeleteSignalingChannelAsync(arn);
    }
}

Console.WriteLine($"requests through the factory: {counter.Count}");
Console.WriteLine($"Microsoft.Extensions.Http: {typeof(IHttpClientFactory).Assembly.GetName().Version}");

internal sealed class RequestCounter
{
    private int _count;

    public int Count => _count;

    public void Add() => Interlocked.Increment(ref _count);
}

internal sealed class CountingHandler(RequestCounter counter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Add();
        return base.SendAsync(request, cancellationToken);
    }
}

internal sealed class ConsoleLogger : ILoggerProvider, ILogger
{
    // The client's traces, and the factory's own logs of the named client (headers at Trace level).
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("KvsSignaling", StringComparison.Ordinal) || categoryName.StartsWith("System.Net.Http.HttpClient.KvsSignaling", StringComparison.Ordinal)
            ? this
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable BeginScope<TState>(TState state) => NullScope.Instance;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.WriteLine($"log {logLevel} {eventId.Name}: {formatter(state, exception)}");

    public void Dispose()
    {
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}
