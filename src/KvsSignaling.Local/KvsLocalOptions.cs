using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Quotas;

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

    /// <summary>The clock used for signature timestamps, token expiry, quotas and creation times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
