using System.Collections.Concurrent;
using KvsSignaling;
using KvsSignaling.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KvsSignaling.Extensions.DependencyInjection.Tests;

/// <summary>
/// Against a real loopback kvs-local: requests go through the IHttpClientFactory client "KvsSignaling" (a handler
/// added to it sees every one), and the request traces reach ILogger, with no secret in any log of any category.
/// </summary>
public sealed class HttpAndLoggingTests : IAsyncLifetime
{
    private KvsLocalServer? _server;

    private KvsLocalServer Server => _server!;

    public async Task InitializeAsync() => _server = await KvsLocalServer.StartAsync(new KvsLocalOptions { QuotasEnabled = false });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Every_request_goes_through_the_handlers_of_the_named_http_client()
    {
        var seen = new ConcurrentQueue<SeenRequest>();
        var services = new ServiceCollection();
        services.AddKvsSignaling(options => Local.Configure(options, Server));
        services.AddHttpClient(KvsSignalingServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(seen));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IKvsSignalingClient>();
        var before = Server.Admin.RequestCounts.Values.Sum();

        var arn = await client.CreateSignalingChannelAsync(Local.UniqueName("di"));
        var endpoints = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer);
        await client.DeleteSignalingChannelAsync(arn);

        Assert.NotNull(endpoints.Wss);
        Assert.Equal(3, Server.Admin.RequestCounts.Values.Sum() - before);
        Assert.Equal(
            new[] { "/createSignalingChannel", "/getSignalingChannelEndpoint", "/deleteSignalingChannel" },
            seen.Select(r => r.Uri.AbsolutePath));
        Assert.All(seen, r => Assert.Equal(Server.BaseUrl.Authority, r.Uri.Authority));
    }

    [Fact]
    public async Task A_handler_set_in_code_wins_over_the_factory()
    {
        var seen = new ConcurrentQueue<SeenRequest>();
        var own = new ConcurrentQueue<SeenRequest>();
        using var inner = new HttpClientHandler();
        using var handler = new CountingHandler(own) { InnerHandler = inner };
        var services = new ServiceCollection();
        services.AddKvsSignaling(options =>
        {
            Local.Configure(options, Server);
            options.HttpMessageHandlerFactory = () => handler;
        });
        services.AddHttpClient(KvsSignalingServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IKvsSignalingClient>().DescribeSignalingChannelByNameAsync(Local.UniqueName("absent")).ContinueWith(_ => { });

        Assert.Single(own);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Request_traces_reach_the_logger_and_no_log_carries_a_secret()
    {
        var seen = new ConcurrentQueue<SeenRequest>();
        var logs = new CapturingLoggerProvider();
        var callback = new ConcurrentQueue<KvsRequestTrace>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddKvsSignaling(options =>
        {
            Local.Configure(options, Server);
            options.RequestTrace = callback.Enqueue;
        });
        services.AddHttpClient(KvsSignalingServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(seen));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IKvsSignalingClient>();

        var arn = await client.CreateSignalingChannelAsync(Local.UniqueName("log"));
        await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelByNameAsync(Local.UniqueName("absent")));
        await client.DeleteSignalingChannelAsync(arn);

        var traces = logs.Entries.Where(e => e.Category == typeof(KvsSignalingClient).FullName).ToList();
        Assert.Equal(new[] { "CreateSignalingChannel", "DescribeSignalingChannel", "DeleteSignalingChannel" }, traces.Select(e => (string?)e.State.Single(p => p.Key == "Operation").Value));
        Assert.Equal(new[] { LogLevel.Debug, LogLevel.Information, LogLevel.Debug }, traces.Select(e => e.Level));
        Assert.All(traces, e => Assert.Equal("KvsRequestAttempt", e.EventId.Name));
        Assert.Contains("ResourceNotFoundException", traces[1].Message);
        Assert.Equal("ResourceNotFoundException", traces[1].State.Single(p => p.Key == "ErrorCode").Value);
        Assert.Equal(3, callback.Count);

        // The factory's own handlers log the headers at Trace level: present, with their values redacted.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.KvsSignaling", StringComparison.Ordinal) && e.Message.Contains("Authorization: *"));
        var everything = string.Join("\n", logs.Entries.Select(e => e.Message + "\n" + string.Join("\n", e.State.Select(p => $"{p.Key}={p.Value}"))));
        var signatures = seen.Select(r => r.Authorization!).Select(p => p.Substring(p.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)).ToList();
        Assert.Equal(3, signatures.Count);
        foreach (var secret in signatures.Append(KvsLocalCredential.DefaultSecretAccessKey))
        {
            Assert.DoesNotContain(secret, everything);
        }
    }
}
