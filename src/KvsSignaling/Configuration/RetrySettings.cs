using System.Globalization;
using Amazon.Runtime;

namespace KvsSignaling.Configuration;

/// <summary>
/// The attempts and retry mode a client uses, as the AWS SDKs choose them: the option, else <c>AWS_MAX_ATTEMPTS</c> /
/// <c>AWS_RETRY_MODE</c>, else <c>max_attempts</c> / <c>retry_mode</c> of the profile, else 3 attempts in the fallback mode (standard unless the caller says otherwise).
/// </summary>
internal sealed class RetrySettings
{
    public const int DefaultMaxAttempts = 3;
    public const int MaxAttemptsLimit = 50;

    private RetrySettings(int maxAttempts, RetryMode mode)
    {
        MaxAttempts = maxAttempts;
        Mode = mode;
    }

    public int MaxAttempts { get; }

    public RetryMode Mode { get; }

    /// <summary>Resolves the settings; a bad environment or profile value is an <see cref="ArgumentException"/> naming it.</summary>
    public static RetrySettings Resolve(KvsSignalingClientOptions options)
    {
        var profile = new Lazy<Amazon.Runtime.CredentialManagement.CredentialProfile?>(() => ReadProfile(options));
        var maxAttempts = options.MaxAttempts
            ?? ParseAttempts(options.EnvironmentVariable("AWS_MAX_ATTEMPTS"), "the environment variable AWS_MAX_ATTEMPTS")
            ?? profile.Value?.MaxAttempts
            ?? DefaultMaxAttempts;
        if (maxAttempts < 1 || maxAttempts > MaxAttemptsLimit)
        {
            throw new ArgumentException($"MaxAttempts {maxAttempts} is out of range; allowed: 1..{MaxAttemptsLimit}.", nameof(options));
        }

        var mode = options.RetryMode
            ?? ParseMode(options.EnvironmentVariable("AWS_RETRY_MODE"), "the environment variable AWS_RETRY_MODE")
            ?? FromProfile(profile.Value?.RetryMode)
            ?? options.FallbackRetryMode;
        return new RetrySettings(maxAttempts, mode);
    }

    private static int? ParseAttempts(string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts))
        {
            throw new ArgumentException($"The value '{ModelConstraints.Shorten(value)}' of {source} is not a number of attempts; allowed: 1..{MaxAttemptsLimit}.", "options");
        }

        return attempts;
    }

    private static RetryMode? ParseMode(string? value, string source)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;

            // "legacy" is the older SDKs' name for their first retry scheme; standard is its successor.
            case "standard" or "legacy":
                return RetryMode.Standard;
            case "adaptive":
                return RetryMode.Adaptive;
            default:
                throw new ArgumentException($"The value '{ModelConstraints.Shorten(value!)}' of {source} is not a retry mode; allowed: standard, adaptive, legacy.", "options");
        }
    }

    private static RetryMode? FromProfile(RequestRetryMode? mode) => mode switch
    {
        RequestRetryMode.Adaptive => RetryMode.Adaptive,
        RequestRetryMode.Standard => RetryMode.Standard,
        _ => null,
    };

    private static Amazon.Runtime.CredentialManagement.CredentialProfile? ReadProfile(KvsSignalingClientOptions options)
    {
        try
        {
            var name = ProfileNames.Effective(options.ProfileName, options.EnvironmentVariable);
            return ProfileStore.Open(options.ProfilesLocation).TryGetProfile(name, out var profile) ? profile : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
