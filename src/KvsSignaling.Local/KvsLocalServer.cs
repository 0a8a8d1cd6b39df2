using System.Net;
using KvsSignaling.Local.Admin;
using KvsSignaling.Local.Auth;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Endpoints;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Hosting;
using KvsSignaling.Local.Model;
using KvsSignaling.Local.Operations;
using KvsSignaling.Local.Quotas;
using KvsSignaling.Local.Signaling;
using KvsSignaling.Local.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KvsSignaling.Local;

/// <summary>
/// A running kvs-local: the Kinesis Video Streams signaling-channel control plane on a loopback port.
/// Start one per test (or per test class) and dispose it when done.
/// </summary>
/// <example>
/// <code>
/// await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions());
/// // point a client at server.BaseUrl with access key AKIDLOCAL / secret kvs-local-secret
/// Assert.Equal(0, server.Admin.GetRequestCount("GetSignalingChannelEndpoint"));
/// </code>
/// </example>
public sealed class KvsLocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private KvsLocalServer(WebApplication app, Uri baseUrl, KvsLocalAdmin admin, string? tlsCertificatePath)
    {
        _app = app;
        BaseUrl = baseUrl;
        Admin = admin;
        TlsCertificatePath = tlsCertificatePath;
    }

    /// <summary>The server's base URL, e.g. http://127.0.0.1:54321/ (https:// with TLS; the control-plane endpoint to give a client).</summary>
    public Uri BaseUrl { get; }

    /// <summary>With <see cref="KvsLocalOptions.Tls"/>, the PEM file of the server's self-signed certificate; otherwise null.</summary>
    public string? TlsCertificatePath { get; }

    /// <summary>Request counts, fault injection, media-ingestion flags and reset.</summary>
    public KvsLocalAdmin Admin { get; }

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    /// <param name="options">The setup; null for the defaults (free port, default credential, quotas on, in memory).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">An option is out of range; the message names it and what is allowed.</exception>
    /// <exception cref="StateFileException">The state file exists but cannot be read; it is left untouched.</exception>
    public static async Task<KvsLocalServer> StartAsync(KvsLocalOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KvsLocalOptions();
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host '{options.Host}' is not an IP address; use e.g. 127.0.0.1.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {options.Port} is not allowed: use 0 (a free port) to 65535.", nameof(options));
        }

        foreach (var fault in options.Faults)
        {
            fault.Validate();
        }

        var limits = Limits(options);

        var time = options.TimeProvider;
        var stateFile = options.StateFilePath is null ? null : new StateFile(options.StateFilePath);
        var store = new ChannelStore(time, stateFile is null ? null : stateFile.Save, stateFile?.Load() ?? []);
        var faults = new FaultInjector(options.FaultSeed);
        foreach (var fault in options.Faults)
        {
            faults.Add(fault);
        }

        var counter = new RequestCounter();
        var quotas = options.QuotasEnabled ? new QuotaGate(EffectiveQuotas(options), time) : null;
        var hub = new SignalingHub(time);
        var messageCounter = new RequestCounter();
        var relay = new SignalingRelay(hub, faults, messageCounter);
        var admin = new KvsLocalAdmin(store, faults, counter, quotas, hub, relay, messageCounter);
        Uri? baseUrl = null;
        var endpoints = new EndpointFactory(options.EndpointStyle, () => baseUrl!, options.Tls);
        var operations = new IOperation[]
        {
            new CreateSignalingChannelOperation(store, region => options.ChannelLimit ?? DefaultChannelLimit(region)),
            new DescribeSignalingChannelOperation(store),
            new ListSignalingChannelsOperation(store),
            new UpdateSignalingChannelOperation(store),
            new DeleteSignalingChannelOperation(store),
            new GetSignalingChannelEndpointOperation(store, endpoints),
            new UpdateMediaStorageConfigurationOperation(store),
            new DescribeMediaStorageConfigurationOperation(store),
            new GetIceServerConfigOperation(store, endpoints, time),
            new TagResourceOperation(store),
            new UntagResourceOperation(store),
            new ListTagsForResourceOperation(store),
        }.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var credentials = Credentials(options);
        var errorTypeSuffix = options.ErrorTypeSuffix ? "http://internal.amazon.com/coral/com.amazonaws.kinesisvideo.v20170930/" : null;
        var loggerFactory = options.LoggerProvider is null ? NullLoggerFactory.Instance : (ILoggerFactory)new LoggerFactory([options.LoggerProvider]);
        var upgrades = new UpgradeRequestHandler(
            new PresignedUrlVerifier(credentials, time), store, hub, relay, quotas, options.QuotasEnabled, faults, counter, limits, time,
            errorTypeSuffix, loggerFactory.CreateLogger("KvsSignaling.Local.Signaling"));
        var service = new ServiceRequestHandler(
            new OperationRouter(EndpointFactory.LocalPathPrefix),
            operations,
            new SigV4Verifier(credentials, time),
            quotas,
            faults,
            counter,
            errorTypeSuffix);
        var adminHandler = new AdminRequestHandler(admin);

        var certificate = options.Tls ? SelfSignedCertificate.Create(address, time) : null;
        var certificatePath = certificate is null ? null : options.TlsCertificatePath ?? Path.Combine(Path.GetTempPath(), $"kvs-local-{Guid.NewGuid():N}.pem");
        if (certificate is not null)
        {
            SelfSignedCertificate.WritePem(certificate, certificatePath!);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        if (options.LoggerProvider is not null)
        {
            // The framework's request log would print request URLs, and presigned URLs carry signatures and tokens.
            builder.Logging.AddProvider(options.LoggerProvider).SetMinimumLevel(LogLevel.Trace).AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(context =>
        {
            // Every answer, including admin answers and errors, carries a request id.
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            if (context.Request.Path.StartsWithSegments(AdminRequestHandler.Prefix, StringComparison.Ordinal))
            {
                return adminHandler.HandleAsync(context);
            }

            return SignalingEndpoint.Resolve(context.Request) is { } endpointId
                ? upgrades.HandleAsync(context, endpointId)
                : service.HandleAsync(context);
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        baseUrl = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return new KvsLocalServer(app, baseUrl, admin, certificatePath);
    }

    /// <summary>Stops accepting requests, lets requests in flight finish (up to 5 seconds), and releases the port. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Open WebSockets would otherwise hold the stop for its whole timeout.
        Admin.CloseAllConnections();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private static CredentialStore Credentials(KvsLocalOptions options)
    {
        var credentials = options.Credentials.Count == 0 && options.PermissiveSecret is null
            ? [new KvsLocalCredential(KvsLocalCredential.DefaultAccessKeyId, KvsLocalCredential.DefaultSecretAccessKey, options.DefaultAccountId)]
            : options.Credentials;
        return new CredentialStore(credentials, options.PermissiveSecret, options.DefaultAccountId);
    }

    private static Dictionary<string, OperationQuota> EffectiveQuotas(KvsLocalOptions options)
    {
        var quotas = new Dictionary<string, OperationQuota>(OperationQuota.ServiceDefaults, StringComparer.Ordinal);
        foreach (var (operation, quota) in options.QuotaOverrides)
        {
            if (!ServiceModel.Instance.Operations.ContainsKey(operation) && !ServiceModel.Signaling.Operations.ContainsKey(operation)
                && !OperationQuota.ServiceDefaults.ContainsKey(operation))
            {
                throw new ArgumentException($"Quota override names '{operation}', which is not an operation of the service models, ConnectAsMaster or ConnectAsViewer.", nameof(options));
            }

            quotas[operation] = quota;
        }

        return quotas;
    }

    private static SignalingLimits Limits(KvsLocalOptions options)
    {
        if (options.MaxViewers is < 1 or > 10_000)
        {
            throw new ArgumentException($"MaxViewers {options.MaxViewers} is not allowed: use 1 to 10000.", nameof(options));
        }

        if (options.ConnectionMaxDuration <= TimeSpan.Zero || options.ConnectionIdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ConnectionMaxDuration and ConnectionIdleTimeout must be longer than zero.", nameof(options));
        }

        if (options.GoAwayGracePeriod < TimeSpan.Zero || options.GoAwayGracePeriod > options.ConnectionMaxDuration)
        {
            throw new ArgumentException($"GoAwayGracePeriod {options.GoAwayGracePeriod} is not allowed: use zero up to ConnectionMaxDuration.", nameof(options));
        }

        if (options.MaxFrameBytes is < 1024 or > 16 * 1024 * 1024)
        {
            throw new ArgumentException($"MaxFrameBytes {options.MaxFrameBytes} is not allowed: use 1024 to 16777216.", nameof(options));
        }

        if (options.SendQueueCapacity is < 1 or > 100_000)
        {
            throw new ArgumentException($"SendQueueCapacity {options.SendQueueCapacity} is not allowed: use 1 to 100000.", nameof(options));
        }

        return new SignalingLimits(options.MaxViewers, options.ConnectionMaxDuration, options.GoAwayGracePeriod, options.ConnectionIdleTimeout,
            options.MaxFrameBytes, options.SendQueueCapacity, TimeSpan.FromSeconds(5));
    }

    private static int DefaultChannelLimit(string region) => region is "us-east-1" or "us-west-2" ? 10_000 : 5_000;
}
