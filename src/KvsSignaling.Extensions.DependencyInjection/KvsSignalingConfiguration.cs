using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace KvsSignaling.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="KvsSignalingClientOptions"/> from a configuration section, key by key, so that a typo or a bad
/// value is an error naming the key, the value and what is allowed instead of a setting silently left at its default.
/// </summary>
internal static class KvsSignalingConfiguration
{
    private const string Duration = "a duration as hh:mm:ss (for example 00:00:10)";

    private static readonly Dictionary<string, Action<Setting, KvsSignalingClientOptions>> Settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Region"] = (s, o) => o.Region = s.Value,
        ["EndpointUrl"] = (s, o) => o.EndpointUrl = s.Url(),
        ["ProfileName"] = (s, o) => o.ProfileName = s.Value,
        ["ProfilesLocation"] = (s, o) => o.ProfilesLocation = s.Value,
        ["UseFips"] = (s, o) => o.UseFips = s.Boolean(),
        ["UseDualStack"] = (s, o) => o.UseDualStack = s.Boolean(),
        ["MaxAttempts"] = (s, o) => o.MaxAttempts = s.Integer(1, 50),
        ["RetryMode"] = (s, o) => o.RetryMode = s.Mode(),
        ["FallbackRetryMode"] = (s, o) => o.FallbackRetryMode = s.Mode(),
        ["ThrottlingRetryLimit"] = (s, o) => o.ThrottlingRetryLimit = s.TimeSpan(allowZero: true),
        ["AttemptTimeout"] = (s, o) => o.AttemptTimeout = s.TimeSpan(allowZero: false),
        ["CircuitBreakerThreshold"] = (s, o) => o.CircuitBreakerThreshold = s.Integer(0, int.MaxValue),
        ["CircuitBreakerDuration"] = (s, o) => o.CircuitBreakerDuration = s.TimeSpan(allowZero: true),
        ["RetryBaseDelay"] = (s, o) => o.RetryBaseDelay = s.TimeSpan(allowZero: true),
        ["RetryMaxDelay"] = (s, o) => o.RetryMaxDelay = s.TimeSpan(allowZero: true),
        ["EnableEndpointCache"] = (s, o) => o.EnableEndpointCache = s.Boolean(),
        ["EndpointCacheTtl"] = (s, o) => o.EndpointCacheTtl = s.TimeSpan(allowZero: false),
        ["EndpointCacheMaxEntries"] = (s, o) => o.EndpointCacheMaxEntries = s.Integer(1, int.MaxValue),
        ["MaxRequestsPerSecond"] = (s, o) => o.MaxRequestsPerSecond = s.Rate(),
        ["MaxResponseBodyBytes"] = (s, o) => o.MaxResponseBodyBytes = s.Integer(1024, int.MaxValue),
    };

    public static void Apply(IConfiguration configuration, KvsSignalingClientOptions options)
    {
        foreach (var child in configuration.GetChildren())
        {
            if (!Settings.TryGetValue(child.Key, out var apply))
            {
                // The value is left out: a misplaced secret key must not end up in an error message.
                throw new InvalidOperationException(
                    $"Configuration key {child.Path} is not a KvsSignaling setting; allowed: {string.Join(", ", Settings.Keys)}. Credentials are never read from configuration: use a profile (ProfileName), the default credential chain, or set Credentials in code.");
            }

            if (child.Value is null && child.GetChildren().Any())
            {
                throw new InvalidOperationException($"Configuration key {child.Path} is a section; it must be a single value.");
            }

            // An empty value (for example an environment variable set to nothing) leaves the setting at its default.
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                apply(new Setting(child.Path, child.Value!.Trim()), options);
            }
        }
    }

    private readonly struct Setting
    {
        public Setting(string path, string value)
        {
            Path = path;
            Value = value;
        }

        public string Path { get; }

        public string Value { get; }

        public Uri Url() =>
            Uri.TryCreate(Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw Invalid("an absolute http:// or https:// URL");

        public bool Boolean() => bool.TryParse(Value, out var value) ? value : throw Invalid("true or false");

        public int Integer(int min, int max)
        {
            var allowed = max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}";
            return int.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Invalid(allowed);
        }

        public double Rate() =>
            double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && !double.IsInfinity(value)
                ? value
                : throw Invalid("a positive number of requests per second, for example 50 or 12.5");

        public RetryMode Mode()
        {
            foreach (var name in Enum.GetNames(typeof(RetryMode)))
            {
                if (string.Equals(name, Value, StringComparison.OrdinalIgnoreCase))
                {
                    return (RetryMode)Enum.Parse(typeof(RetryMode), name);
                }
            }

            throw Invalid(string.Join(" or ", Enum.GetNames(typeof(RetryMode))));
        }

        public TimeSpan TimeSpan(bool allowZero)
        {
            var allowed = allowZero ? Duration + ", not negative" : Duration + ", more than zero";
            return System.TimeSpan.TryParse(Value, CultureInfo.InvariantCulture, out var value) && (allowZero ? value >= System.TimeSpan.Zero : value > System.TimeSpan.Zero)
                ? value
                : throw Invalid(allowed);
        }

        private InvalidOperationException Invalid(string allowed) =>
            new($"Configuration value {Path} = '{Value}' is not valid; allowed: {allowed}.");
    }
}
