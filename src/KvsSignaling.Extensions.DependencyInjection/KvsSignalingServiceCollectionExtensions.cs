using KvsSignaling;
using KvsSignaling.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the container's namespace, as the framework's own Add* methods are, so that services.AddKvsSignaling needs no using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="KvsSignalingClient"/> in a service collection.</summary>
public static class KvsSignalingServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <c>IHttpClientFactory</c> client whose handlers carry the requests: add handlers to it with
    /// <c>services.AddHttpClient(KvsSignalingServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(...)</c>.
    /// </summary>
    public const string HttpClientName = "KvsSignaling";

    /// <summary>
    /// Registers one <see cref="KvsSignalingClient"/> for the container's lifetime, as itself and as
    /// <see cref="IKvsSignalingClient"/>. Its requests go through the handlers of the <c>IHttpClientFactory</c> client
    /// named <see cref="HttpClientName"/> (redirects and cookies off, the <c>Authorization</c> and
    /// <c>X-Amz-Security-Token</c> headers redacted from the factory's logs), and its request traces
    /// (<see cref="KvsRequestTrace"/>) go to <c>ILogger&lt;KvsSignalingClient&gt;</c>: successful attempts at Debug,
    /// failed ones at Information. The client is created, and the options checked, when it is first resolved.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code, for example explicit <see cref="KvsSignalingClientOptions.Credentials"/>; null for none.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <remarks>Calling it again adds <paramref name="configure"/> to the options; there is still one client.</remarks>
    public static IServiceCollection AddKvsSignaling(this IServiceCollection services, Action<KvsSignalingClientOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)
            .RedactLoggedHeaders(PrimaryHandler.SecretHeaders);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<KvsSignalingClientOptions>, KvsSignalingClientSetup>());
        services.TryAddSingleton(provider => new KvsSignalingClient(provider.GetRequiredService<IOptions<KvsSignalingClientOptions>>().Value));
        services.TryAddSingleton<IKvsSignalingClient>(provider => provider.GetRequiredService<KvsSignalingClient>());
        return services;
    }

    /// <summary>
    /// Registers the client as <see cref="AddKvsSignaling(IServiceCollection, Action{KvsSignalingClientOptions})"/>
    /// does, with its options read from a configuration section (for example <c>configuration.GetSection("KvsSignaling")</c>):
    /// <c>Region</c>, <c>EndpointUrl</c>, <c>ProfileName</c>, <c>ProfilesLocation</c>, <c>UseFips</c>, <c>UseDualStack</c>,
    /// <c>MaxAttempts</c>, <c>RetryMode</c>, <c>FallbackRetryMode</c>, <c>ThrottlingRetryLimit</c>, <c>AttemptTimeout</c>,
    /// <c>CircuitBreakerThreshold</c>, <c>CircuitBreakerDuration</c>, <c>RetryBaseDelay</c>, <c>RetryMaxDelay</c>,
    /// <c>EnableEndpointCache</c>, <c>EndpointCacheTtl</c>, <c>EndpointCacheMaxEntries</c>, <c>MaxRequestsPerSecond</c>
    /// and <c>MaxResponseBodyBytes</c>; durations as <c>hh:mm:ss</c>. Credentials are never read from configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the settings.</param>
    /// <param name="configure">Sets further options in code, after the configuration; null for none.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <remarks>
    /// When the client is resolved, an unknown key, or a value that does not convert or is out of range, raises
    /// <see cref="InvalidOperationException"/> naming the key (its full configuration path), the value and what is allowed.
    /// </remarks>
    public static IServiceCollection AddKvsSignaling(this IServiceCollection services, IConfiguration configuration, Action<KvsSignalingClientOptions>? configure = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration), "A configuration section is required, for example configuration.GetSection(\"KvsSignaling\").");
        }

        services.AddKvsSignaling(options => KvsSignalingConfiguration.Apply(configuration, options));
        return configure is null ? services : services.AddKvsSignaling(configure);
    }
}
