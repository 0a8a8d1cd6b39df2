using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Quotas;
using Microsoft.Extensions.Logging;

namespace KvsSignaling.Local;

/// <summary>How a kvs-local server is set up. Every property has a default that suits a test on loopback.</summary>
public sealed class KvsLocalOptions
{
    /// <summary>The IP address to listen on; 127.0.0.1 by default.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 (the default) takes a free port, which <see cref="KvsLocalServer.BaseUrl"/> then shows.</summary>
    public int Port { get; init; }

    /// <summary>The shape of the endpoints GetSignalingChannelEndpoint answers.</summary>
    public EndpointStyle EndpointStyle { get; init; } = EndpointStyle.Local;

    /// <summary>
    /// The accepted access keys. When empty (and <see cref="PermissiveSecret"/> is null) the server accepts
    /// <see cref="KvsLocalCredential.DefaultAccessKeyId"/> with <see cref="KvsLocalCredential.DefaultSecretAccessKey"/>.
    /// </summary>
    public IReadOnlyList<KvsLocalCredential> Credentials { get; init; } = [];

    /// <summary>
    /// When set, any access key is accepted and signatures are checked against this secret; keys listed
    /// in <see cref="Credentials"/> keep their own secret and account.
    /// </summary>
    public string? PermissiveSecret { get; init; }

    /// <summary>The account of keys accepted in permissive mode and of the default credential.</summary>
    public string DefaultAccountId { get; init; } = KvsLocalCredential.DefaultAccountId;

    /// <summary>Whether request-rate quotas are enforced; true by default, as the service does.</summary>
    public bool QuotasEnabled { get; init; } = true;

    /// <summary>Quotas that replace <see cref="OperationQuota.ServiceDefaults"/> for the named operations.</summary>
    public IReadOnlyDictionary<string, OperationQuota> QuotaOverrides { get; init; } = new Dictionary<string, OperationQuota>();

    /// <summary>Channels allowed per account and region; null for the service's 10,000 (us-east-1, us-west-2) or 5,000.</summary>
    public int? ChannelLimit { get; init; }

    /// <summary>Faults in force from the start.</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>The seed of the generator that decides rate-based faults, so a run repeats.</summary>
    public int FaultSeed { get; init; } = 1;

    /// <summary>When set, channels are kept in this JSON file and survive a restart.</summary>
    public string? StateFilePath { get; init; }

    /// <summary>
    /// When true, x-amzn-ErrorType carries a suffix after ':' (e.g.
    /// <c>ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.kinesisvideo.v20170930/</c>),
    /// as the service sometimes sends it, so clients can be tested on parsing it.
    /// </summary>
    public bool ErrorTypeSuffix { get; init; }

    /// <summary>Viewers one channel may have connected at once; the service allows 10.</summary>
    public int MaxViewers { get; init; } = 10;

    /// <summary>How long a signaling connection may last before kvs-local closes it; the service's is 1 hour.</summary>
    public TimeSpan ConnectionMaxDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long before <see cref="ConnectionMaxDuration"/> a connection gets GO_AWAY; the service gives one minute.</summary>
    public TimeSpan GoAwayGracePeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a signaling connection may go without a message from its client; the service's is 10 minutes.</summary>
    public TimeSpan ConnectionIdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest WebSocket message a client may send; a larger one closes its connection with 1009 (message too big).</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    /// <summary>Messages kvs-local keeps queued for a client that does not read them; one more closes that connection.</summary>
    public int SendQueueCapacity { get; init; } = 256;

    /// <summary>Serve HTTPS and WSS with a self-signed certificate (written to <see cref="TlsCertificatePath"/>) instead of HTTP and WS.</summary>
    public bool Tls { get; init; }

    /// <summary>Where <see cref="Tls"/> writes the certificate (PEM) for clients to trust; null for a new file in the temporary folder.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>
    /// Receives kvs-local's own log (signaling connections opened, refused by error type, closed) and the
    /// framework's warnings; null logs nothing. Request URLs, which carry signatures, are never logged.
    /// </summary>
    public ILoggerProvider? LoggerProvider { get; init; }

    /// <summary>The clock used for signature timestamps, token expiry, quotas and creation times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
