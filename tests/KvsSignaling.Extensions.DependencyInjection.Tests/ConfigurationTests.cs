using KvsSignaling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KvsSignaling.Extensions.DependencyInjection.Tests;

/// <summary>Options from a configuration section: every setting read, and a bad one named with its value before any request.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Build(IDictionary<string, string?> settings, Action<KvsSignalingClientOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddKvsSignaling(configuration.GetSection("KvsSignaling"), configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Every_setting_is_read_from_the_section()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["KvsSignaling:Region"] = "eu-west-1",
            ["KvsSignaling:EndpointUrl"] = "http://127.0.0.1:4566",
            ["KvsSignaling:ProfileName"] = "ops",
            ["KvsSignaling:ProfilesLocation"] = "/etc/aws/credentials",
            ["KvsSignaling:UseFips"] = "false",
            ["KvsSignaling:UseDualStack"] = "False",
            ["KvsSignaling:MaxAttempts"] = "7",
            ["KvsSignaling:RetryMode"] = "adaptive",
            ["KvsSignaling:FallbackRetryMode"] = "Adaptive",
            ["KvsSignaling:ThrottlingRetryLimit"] = "00:00:30",
            ["KvsSignaling:AttemptTimeout"] = "00:00:03",
            ["KvsSignaling:CircuitBreakerThreshold"] = "0",
            ["KvsSignaling:CircuitBreakerDuration"] = "00:00:02",
            ["KvsSignaling:RetryBaseDelay"] = "00:00:00.050",
            ["KvsSignaling:RetryMaxDelay"] = "00:00:04",
            ["KvsSignaling:EnableEndpointCache"] = "true",
            ["KvsSignaling:EndpointCacheTtl"] = "00:01:00",
            ["KvsSignaling:EndpointCacheMaxEntries"] = "20",
            ["KvsSignaling:MaxRequestsPerSecond"] = "12.5",
            ["KvsSignaling:MaxResponseBodyBytes"] = "65536",
            ["Unrelated:Key"] = "ignored",
        });

        var options = provider.GetRequiredService<IOptions<KvsSignalingClientOptions>>().Value;

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.EndpointUrl);
        Assert.Equal("ops", options.ProfileName);
        Assert.Equal("/etc/aws/credentials", options.ProfilesLocation);
        Assert.False(options.UseFips);
        Assert.False(options.UseDualStack);
        Assert.Equal(7, options.MaxAttempts);
        Assert.Equal(RetryMode.Adaptive, options.RetryMode);
        Assert.Equal(RetryMode.Adaptive, options.FallbackRetryMode);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ThrottlingRetryLimit);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AttemptTimeout);
        Assert.Equal(0, options.CircuitBreakerThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CircuitBreakerDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(4), options.RetryMaxDelay);
        Assert.True(options.EnableEndpointCache);
        Assert.Equal(TimeSpan.FromMinutes(1), options.EndpointCacheTtl);
        Assert.Equal(20, options.EndpointCacheMaxEntries);
        Assert.Equal(12.5, options.MaxRequestsPerSecond);
        Assert.Equal(65536, options.MaxResponseBodyBytes);
        Assert.NotNull(options.HttpMessageHandlerFactory);
        Assert.NotNull(options.RequestTrace);
    }

    [Fact]
    public void The_client_is_one_singleton_under_both_types_made_from_the_configuration_and_then_the_code()
    {
        using var provider = Build(
            new Dictionary<string, string?> { ["KvsSignaling:Region"] = "eu-west-1", ["KvsSignaling:EndpointUrl"] = "http://127.0.0.1:4566", ["KvsSignaling:MaxAttempts"] = "7" },
            options => options.EndpointUrl = new Uri("http://127.0.0.1:4567"));

        var client = provider.GetRequiredService<IKvsSignalingClient>();

        Assert.Same(client, provider.GetRequiredService<KvsSignalingClient>());
        Assert.Same(client, provider.GetRequiredService<IKvsSignalingClient>());
        Assert.Equal("eu-west-1", client.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4567"), client.Endpoint);
    }

    [Fact]
    public async Task The_container_disposes_the_client()
    {
        var provider = Build(new Dictionary<string, string?> { ["KvsSignaling:Region"] = "eu-west-1", ["KvsSignaling:EndpointUrl"] = "http://127.0.0.1:4566" });
        var client = provider.GetRequiredService<IKvsSignalingClient>();

        provider.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.DescribeSignalingChannelByNameAsync("cam-1"));
    }

    public static TheoryData<string, string, string> BadValues() => new()
    {
        { "MaxAttempts", "lots", "a whole number from 1 to 50" },
        { "MaxAttempts", "0", "a whole number from 1 to 50" },
        { "MaxAttempts", "51", "a whole number from 1 to 50" },
        { "RetryMode", "fast", "Standard or Adaptive" },
        { "RetryMode", "1", "Standard or Adaptive" },
        { "FallbackRetryMode", "legacy", "Standard or Adaptive" },
        { "AttemptTimeout", "10s", "a duration as hh:mm:ss" },
        { "AttemptTimeout", "00:00:00", "more than zero" },
        { "RetryBaseDelay", "-00:00:01", "not negative" },
        { "EndpointCacheTtl", "soon", "a duration as hh:mm:ss" },
        { "EndpointUrl", "ftp://files.example", "an absolute http:// or https:// URL" },
        { "EndpointUrl", "localhost:4566/x", "an absolute http:// or https:// URL" },
        { "UseFips", "yes", "true or false" },
        { "EnableEndpointCache", "1", "true or false" },
        { "MaxRequestsPerSecond", "-1", "a positive number" },
        { "MaxRequestsPerSecond", "fast", "a positive number" },
        { "EndpointCacheMaxEntries", "0", "at least 1" },
        { "CircuitBreakerThreshold", "-2", "at least 0" },
        { "MaxResponseBodyBytes", "100", "at least 1024" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_an_error_naming_the_key_the_value_and_what_is_allowed(string key, string value, string allowed)
    {
        using var provider = Build(new Dictionary<string, string?> { ["KvsSignaling:Region"] = "eu-west-1", ["KvsSignaling:" + key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IKvsSignalingClient>());

        Assert.Contains($"KvsSignaling:{key} = '{value}'", error.Message);
        Assert.Contains(allowed, error.Message);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_it_and_the_allowed_keys_but_not_its_value()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["KvsSignaling:Region"] = "eu-west-1",
            ["KvsSignaling:SecretAccessKey"] = "wJalrXUtnFEMI-never-shown",
        });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<KvsSignalingClient>());

        Assert.Contains("KvsSignaling:SecretAccessKey", error.Message);
        Assert.Contains("Region, EndpointUrl, ProfileName", error.Message);
        Assert.Contains("Credentials are never read from configuration", error.Message);
        Assert.DoesNotContain("wJalrXUtnFEMI", error.Message);
    }

    [Fact]
    public void A_section_where_a_value_belongs_is_an_error()
    {
        using var provider = Build(new Dictionary<string, string?> { ["KvsSignaling:Region:Name"] = "eu-west-1" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<KvsSignalingClient>());

        Assert.Contains("KvsSignaling:Region is a section", error.Message);
    }

    [Fact]
    public void An_empty_value_leaves_the_default_and_an_invalid_combination_is_the_clients_own_error()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["KvsSignaling:Region"] = "eu-west-1",
            ["KvsSignaling:MaxAttempts"] = "",
            ["KvsSignaling:EndpointUrl"] = "http://127.0.0.1:4566",
            ["KvsSignaling:UseFips"] = "true",
        });

        Assert.Null(provider.GetRequiredService<IOptions<KvsSignalingClientOptions>>().Value.MaxAttempts);
        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<KvsSignalingClient>());
        Assert.Contains("FIPS and custom endpoint are not supported", error.Message);
    }

    [Fact]
    public void A_missing_section_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddKvsSignaling((IConfiguration)null!));
        Assert.Equal("configuration", error.ParamName);
    }
}
