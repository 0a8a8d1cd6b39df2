using System.Globalization;
using System.Text.Json;
using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Quotas;

namespace KvsSignaling.Local.Hosting;

/// <summary>Turns kvs-local's flags and environment into <see cref="KvsLocalOptions"/>.</summary>
internal static class CommandLine
{
    public const string CredentialsVariable = "KVS_LOCAL_CREDENTIALS";
    public const string PermissiveSecretVariable = "KVS_LOCAL_PERMISSIVE_SECRET";

    public const string Usage = """
        Usage: kvs-local [options]

          --port N                  TCP port; 0 (default) takes a free port
          --host ADDRESS            IP address to bind (default 127.0.0.1)
          --endpoint-style STYLE    local (default: ws:// and http:// URLs on kvs-local) or aws (wss://m-....amazonaws.com)
          --credential KEY:SECRET[:ACCOUNT]
                                    accept this access key (repeatable); default account 123456789012
          --credentials-file PATH   JSON: {"Credentials":[{"AccessKeyId","SecretAccessKey","AccountId","SessionToken","Expiration"}]}
          --permissive-secret SECRET
                                    accept any access key, checking signatures against SECRET
          --default-account ID      account of permissive keys and of the default credential
          --quotas on|off           enforce the service's request-rate quotas (default on)
          --quota OP=ACCOUNT_TPS[/CHANNEL_TPS]
                                    override one operation's quota (repeatable)
          --channel-limit N         channels per account and region (default 10000 in us-east-1/us-west-2, else 5000)
          --fault KIND[,op=NAME][,count=N][,rate=R][,latency-ms=MS][,size-bytes=B][,error-code=CODE]
                                    inject a fault from the start (repeatable); KIND is one of
                                    throttle, internal-error, service-unavailable, latency, drop-connection,
                                    truncated-body, malformed-body, oversized-body, html-error-page, wrong-endpoint-scheme,
                                    drop-message, abort-connection (op may also be ConnectAsMaster, ConnectAsViewer,
                                    SendSdpOffer, SendSdpAnswer, SendIceCandidate)
          --seed N                  seed of the rate-based fault generator (default 1)
          --state-file PATH         keep channels in PATH across restarts
          --error-type-suffix       append ':<coral namespace>' to x-amzn-ErrorType, as the service sometimes does
          --max-viewers N           viewers per channel at once (default 10)
          --connection-max-duration SECONDS
                                    signaling connections are closed after this long (default 3600)
          --go-away-grace SECONDS   GO_AWAY is sent this long before the maximum duration (default 60)
          --connection-idle-timeout SECONDS
                                    signaling connections without a message for this long are closed (default 600)
          --max-frame-bytes N       largest WebSocket message a client may send (default 65536)
          --send-queue N            messages queued for a client that does not read before it is closed (default 256)
          --tls                     serve https:// and wss:// with a self-signed certificate, written as PEM
          --tls-cert-file PATH      where --tls writes the certificate (default a new file in the temporary folder)
          --help                    show this text

        Environment: KVS_LOCAL_CREDENTIALS (KEY:SECRET[:ACCOUNT], ';'-separated) and KVS_LOCAL_PERMISSIVE_SECRET.
        Without any credential, kvs-local accepts access key AKIDLOCAL with secret kvs-local-secret (account 123456789012).
        """;

    /// <summary>Parses the arguments; returns null when --help was asked for.</summary>
    /// <exception cref="ArgumentException">A flag or value is not valid; the message names it and what is allowed.</exception>
    public static KvsLocalOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var host = "127.0.0.1";
        var port = 0;
        var style = EndpointStyle.Local;
        var credentials = new List<KvsLocalCredential>();
        string? permissive = environment(PermissiveSecretVariable);
        var defaultAccount = KvsLocalCredential.DefaultAccountId;
        var quotasEnabled = true;
        var quotaOverrides = new Dictionary<string, OperationQuota>(StringComparer.Ordinal);
        int? channelLimit = null;
        var faults = new List<FaultRule>();
        var seed = 1;
        string? stateFile = null;
        var errorTypeSuffix = false;
        var defaults = new KvsLocalOptions();
        var maxViewers = defaults.MaxViewers;
        var maxDuration = defaults.ConnectionMaxDuration;
        var goAwayGrace = defaults.GoAwayGracePeriod;
        var idleTimeout = defaults.ConnectionIdleTimeout;
        var maxFrameBytes = defaults.MaxFrameBytes;
        var sendQueue = defaults.SendQueueCapacity;
        var tls = false;
        string? tlsCertificate = null;

        var fromEnvironment = environment(CredentialsVariable);
        var pendingCredentials = new List<string>(
            string.IsNullOrWhiteSpace(fromEnvironment) ? [] : fromEnvironment.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Flag {flag} needs a value. Run kvs-local --help for the flags.");
            switch (flag)
            {
                case "--help" or "-h":
                    return null;
                case "--port":
                    port = Integer(flag, Value(), 0, 65535);
                    break;
                case "--host":
                    host = Value();
                    break;
                case "--endpoint-style":
                    var styleText = Value();
                    style = styleText switch
                    {
                        "local" => EndpointStyle.Local,
                        "aws" => EndpointStyle.Aws,
                        _ => throw new ArgumentException($"--endpoint-style '{styleText}' is not allowed: use local or aws."),
                    };
                    break;
                case "--credential":
                    pendingCredentials.Add(Value());
                    break;
                case "--credentials-file":
                    credentials.AddRange(ReadCredentialsFile(Value()));
                    break;
                case "--permissive-secret":
                    permissive = Value();
                    break;
                case "--default-account":
                    defaultAccount = Value();
                    break;
                case "--quotas":
                    var onOff = Value();
                    quotasEnabled = onOff switch
                    {
                        "on" => true,
                        "off" => false,
                        _ => throw new ArgumentException($"--quotas '{onOff}' is not allowed: use on or off."),
                    };
                    break;
                case "--quota":
                    var (operation, quota) = ParseQuota(Value());
                    quotaOverrides[operation] = quota;
                    break;
                case "--channel-limit":
                    channelLimit = Integer(flag, Value(), 0, int.MaxValue);
                    break;
                case "--fault":
                    faults.Add(ParseFault(Value()));
                    break;
                case "--seed":
                    seed = Integer(flag, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--state-file":
                    stateFile = Value();
                    break;
                case "--error-type-suffix":
                    errorTypeSuffix = true;
                    break;
                case "--max-viewers":
                    maxViewers = Integer(flag, Value(), 1, 10_000);
                    break;
                case "--connection-max-duration":
                    maxDuration = TimeSpan.FromSeconds(Integer(flag, Value(), 1, 7 * 24 * 3600));
                    break;
                case "--go-away-grace":
                    goAwayGrace = TimeSpan.FromSeconds(Integer(flag, Value(), 0, 7 * 24 * 3600));
                    break;
                case "--connection-idle-timeout":
                    idleTimeout = TimeSpan.FromSeconds(Integer(flag, Value(), 1, 7 * 24 * 3600));
                    break;
                case "--max-frame-bytes":
                    maxFrameBytes = Integer(flag, Value(), 1024, 16 * 1024 * 1024);
                    break;
                case "--send-queue":
                    sendQueue = Integer(flag, Value(), 1, 100_000);
                    break;
                case "--tls":
                    tls = true;
                    break;
                case "--tls-cert-file":
                    tlsCertificate = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown flag '{flag}'. Run kvs-local --help for the flags.");
            }
        }

        credentials.AddRange(pendingCredentials.Select(text => ParseCredential(text, defaultAccount)));
        return new KvsLocalOptions
        {
            Host = host,
            Port = port,
            EndpointStyle = style,
            Credentials = credentials,
            PermissiveSecret = permissive,
            DefaultAccountId = defaultAccount,
            QuotasEnabled = quotasEnabled,
            QuotaOverrides = quotaOverrides,
            ChannelLimit = channelLimit,
            Faults = faults,
            FaultSeed = seed,
            StateFilePath = stateFile,
            ErrorTypeSuffix = errorTypeSuffix,
            MaxViewers = maxViewers,
            ConnectionMaxDuration = maxDuration,
            GoAwayGracePeriod = goAwayGrace < maxDuration ? goAwayGrace : maxDuration,
            ConnectionIdleTimeout = idleTimeout,
            MaxFrameBytes = maxFrameBytes,
            SendQueueCapacity = sendQueue,
            Tls = tls,
            TlsCertificatePath = tlsCertificate,
        };
    }

    // The secret is never echoed: only the access key part appears in messages.
    private static KvsLocalCredential ParseCredential(string text, string defaultAccount)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new ArgumentException($"Credential for access key '{parts[0]}' is not valid: use ACCESS_KEY:SECRET or ACCESS_KEY:SECRET:ACCOUNT.");
        }

        return new KvsLocalCredential(parts[0], parts[1], parts.Length == 3 ? parts[2] : defaultAccount);
    }

    private static IEnumerable<KvsLocalCredential> ReadCredentialsFile(string path)
    {
        CredentialsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CredentialsFile>(File.ReadAllBytes(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ArgumentException($"--credentials-file '{path}' cannot be read: {e.Message}");
        }

        if (file?.Credentials is null)
        {
            throw new ArgumentException($"--credentials-file '{path}' holds no \"Credentials\" list.");
        }

        return file.Credentials.Select(c => new KvsLocalCredential(c.AccessKeyId ?? string.Empty, c.SecretAccessKey ?? string.Empty, c.AccountId ?? KvsLocalCredential.DefaultAccountId)
        {
            SessionToken = c.SessionToken,
            Expiration = c.Expiration,
        }).ToList();
    }

    private static (string Operation, OperationQuota Quota) ParseQuota(string text)
    {
        var equals = text.IndexOf('=');
        var rates = equals < 0 ? [] : text[(equals + 1)..].Split('/');
        if (equals <= 0 || rates.Length is < 1 or > 2)
        {
            throw new ArgumentException($"--quota '{text}' is not valid: use OPERATION=ACCOUNT_TPS or OPERATION=ACCOUNT_TPS/CHANNEL_TPS.");
        }

        var account = Integer("--quota", rates[0], 0, 1_000_000);
        int? channel = rates.Length == 2 ? Integer("--quota", rates[1], 0, 1_000_000) : null;
        return (text[..equals], new OperationQuota(account, channel));
    }

    private static FaultRule ParseFault(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var kindName = parts[0].Replace("-", string.Empty, StringComparison.Ordinal);
        if (!Enum.TryParse<FaultKind>(kindName, ignoreCase: true, out var kind) || int.TryParse(kindName, out _))
        {
            throw new ArgumentException($"--fault kind '{parts[0]}' is not one of: throttle, internal-error, service-unavailable, latency, drop-connection, truncated-body, malformed-body, oversized-body, html-error-page, wrong-endpoint-scheme, drop-message, abort-connection.");
        }

        var rule = new FaultRule { Kind = kind };
        foreach (var setting in parts.Skip(1))
        {
            var equals = setting.IndexOf('=');
            var name = equals < 0 ? setting : setting[..equals];
            var value = equals < 0 ? string.Empty : setting[(equals + 1)..];
            rule = name switch
            {
                "op" => rule with { Operation = value },
                "count" => rule with { Count = Integer("--fault count", value, 1, int.MaxValue) },
                "rate" => rule with { Rate = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) ? rate : throw new ArgumentException($"--fault rate '{value}' is not a number from 0 to 1.") },
                "latency-ms" => rule with { LatencyMs = Integer("--fault latency-ms", value, 0, 600_000) },
                "size-bytes" => rule with { SizeBytes = Integer("--fault size-bytes", value, 1, 256 * 1024 * 1024) },
                "error-code" => rule with { ErrorCode = value },
                _ => throw new ArgumentException($"--fault setting '{name}' is not one of: op, count, rate, latency-ms, size-bytes, error-code."),
            };
        }

        rule.Validate();
        return rule;
    }

    private static int Integer(string flag, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{flag} '{text}' is not allowed: use a whole number from {min} to {max}.");

    private sealed record CredentialsFile(IReadOnlyList<CredentialEntry>? Credentials);

    private sealed record CredentialEntry(string? AccessKeyId, string? SecretAccessKey, string? AccountId, string? SessionToken, DateTimeOffset? Expiration);
}
