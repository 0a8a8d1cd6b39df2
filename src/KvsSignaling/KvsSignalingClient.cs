using System.Diagnostics;
using System.Runtime.CompilerServices;
using KvsSignaling.Caching;
using KvsSignaling.Configuration;
using KvsSignaling.Endpoints;
using KvsSignaling.Grammar;
using KvsSignaling.Serialization;
using KvsSignaling.Transport;

namespace KvsSignaling;

/// <summary>
/// A client of the Kinesis Video Streams signaling-channel control plane. Thread-safe: one instance serves
/// concurrent calls over one pooled HTTP handler. Dispose it when done.
/// </summary>
/// <remarks>
/// Every argument is checked before any network call; bad values raise <see cref="ArgumentException"/> naming
/// the value and what is allowed. Failures after that raise the <see cref="KvsSignalingException"/> family;
/// cancelling the token raises <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class KvsSignalingClient : IKvsSignalingClient, IDisposable
{
    /// <summary>The protocols asked for when a caller passes none: WSS (the signaling connection) and HTTPS (ICE server configuration).</summary>
    public static readonly IReadOnlyList<ChannelProtocol> DefaultProtocols = new[] { ChannelProtocol.Wss, ChannelProtocol.Https };

    private static readonly Stopwatch Monotonic = Stopwatch.StartNew();

    private readonly ServiceCaller _caller;
    private readonly EndpointCache? _cache;
    private static readonly TimeSpan IceServerRefreshMargin = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _lifetime = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KeptIceServers> _iceServers = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>Creates a client; resolves the region and control-plane endpoint now, credentials on first use.</summary>
    /// <param name="options">Settings; null takes every default (environment, profile, default credential chain).</param>
    /// <exception cref="ArgumentException">A setting is invalid or no region can be found; the message names it.</exception>
    /// <exception cref="KvsCredentialsException">No region is set and the named profile it would come from does not exist.</exception>
    public KvsSignalingClient(KvsSignalingClientOptions? options = null)
        : this(options ?? new KvsSignalingClientOptions(), HttpHandlerFactory.Create(options?.HttpMessageHandlerFactory))
    {
    }

    internal KvsSignalingClient(KvsSignalingClientOptions options, HttpMessageHandler handler)
    {
        try
        {
            CheckOptions(options);
            var region = RegionSource.Resolve(options.Region, options.ProfileName, options.ProfilesLocation, options.EnvironmentVariable);
            if (string.IsNullOrEmpty(region) && !string.IsNullOrWhiteSpace(options.ProfileName)
                && !ProfileStore.Open(options.ProfilesLocation).TryGetProfile(options.ProfileName, out _))
            {
                // The region was to come from that profile: a mistyped name is the cause, not a missing region.
                throw CredentialSource.ProfileNotFound(null, options.ProfileName!, options.ProfilesLocation);
            }

            Endpoint = ControlPlaneEndpoint.Resolve(options.EndpointUrl, options.EnvironmentVariable, region, options.UseFips, options.UseDualStack, EndpointRuleSet.Embedded);

            // A custom endpoint (an emulator) still needs the region to sign for, as the AWS CLI and SDKs require:
            // silently signing for a stand-in region would only move the error to the service.
            ControlPlaneEndpoint.CheckRegion(region);
            Region = region!;
            _caller = new ServiceCaller(handler, Endpoint, Region, new CredentialSource(options.Credentials, options.ProfileName, options.ProfilesLocation), options);
        }
        catch
        {
            handler.Dispose();
            throw;
        }

        if (options.EnableEndpointCache)
        {
            _cache = new EndpointCache(options.EndpointCacheTtl, options.EndpointCacheMaxEntries, () => Monotonic.Elapsed);
        }
    }

    /// <inheritdoc/>
    public Uri Endpoint { get; }

    /// <inheritdoc/>
    public string Region { get; }

    /// <inheritdoc/>
    public Task ResolveCredentialsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _caller.ResolveCredentialsAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ChannelEndpoints> GetSignalingChannelEndpointAsync(
        ChannelArn channelArn,
        ChannelRole role,
        IEnumerable<ChannelProtocol>? protocols = null,
        GetEndpointOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        CheckRole(role, nameof(role));
        var protocolList = CheckProtocols(protocols, nameof(protocols));
        if (_cache is null)
        {
            return FetchEndpointsAsync(channelArn, role, protocolList, cancellationToken);
        }

        var key = EndpointCache.KeyOf(Endpoint, channelArn, role, protocolList);
        return _cache.GetOrFetchAsync(
            key,
            options?.BypassCache ?? false,
            token => FetchEndpointsAsync(channelArn, role, protocolList, token),
            cancellationToken,
            _lifetime.Token);
    }

    /// <summary>The expiry a presigned connect URL gets when the caller names none: 299 seconds, as the AWS WebRTC SDK for JavaScript uses.</summary>
    public static readonly TimeSpan DefaultPresignedUrlExpiry = TimeSpan.FromSeconds(299);

    /// <summary>The longest expiry SigV4 allows a presigned URL: 7 days.</summary>
    public static readonly TimeSpan MaxPresignedUrlExpiry = TimeSpan.FromSeconds(604800);

    /// <inheritdoc/>
    public async Task<PresignedConnectUrl> CreatePresignedConnectUrlAsync(
        ChannelArn channelArn,
        ChannelRole role,
        string? clientId = null,
        TimeSpan? expiresIn = null,
        Uri? wssEndpoint = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        CheckRole(role, nameof(role));
        CheckConnectClientId(role, clientId, nameof(clientId));
        var requested = expiresIn ?? DefaultPresignedUrlExpiry;
        if (requested < TimeSpan.FromSeconds(1) || requested > MaxPresignedUrlExpiry)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresIn), requested, $"A presigned URL's expiry of {requested.TotalSeconds:0.###} seconds is out of range; allowed: 1 to {MaxPresignedUrlExpiry.TotalSeconds:0} seconds (7 days).");
        }

        if (wssEndpoint is not null && (!wssEndpoint.IsAbsoluteUri || (wssEndpoint.Scheme != "wss" && wssEndpoint.Scheme != "ws")))
        {
            throw new ArgumentException($"The WSS endpoint must be an absolute wss:// (or ws://) URL; got scheme '{(wssEndpoint.IsAbsoluteUri ? wssEndpoint.Scheme : "(relative)")}'.", nameof(wssEndpoint));
        }

        var operation = KvsSignalingConnection.OperationOf(role);
        var endpoint = wssEndpoint ?? await WssEndpointAsync(channelArn, role, cancellationToken).ConfigureAwait(false);
        var credentials = await _caller.GetCredentialsAsync(operation, cancellationToken).ConfigureAwait(false);

        // Signed by the service's clock as the client learnt it, to the second, as X-Amz-Date carries it.
        var now = _caller.Clock.UtcNow;
        var signedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var seconds = (long)Math.Floor(requested.TotalSeconds);
        if (CredentialExpiry.Of(credentials) is DateTime expiry)
        {
            // The service refuses a URL whose credentials have expired, so the URL never outlives them.
            var left = (long)Math.Floor((expiry.ToUniversalTime() - (now - _caller.Clock.Current)).TotalSeconds);
            if (left < 1)
            {
                throw new KvsCredentialsException(
                    $"Cannot presign a connect URL: the AWS credentials expired at {expiry.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}.", operation, null, "credentials");
            }

            seconds = Math.Min(seconds, left);
        }

        var parameters = new List<KeyValuePair<string, string>> { new("X-Amz-ChannelARN", channelArn.Value) };
        if (clientId is not null)
        {
            parameters.Add(new("X-Amz-ClientId", clientId));
        }

        var url = QuerySigner.Presign(endpoint, parameters, credentials, Region, RequestSigner.ServiceName, signedAt, (int)seconds, QuerySigner.EmptyPayloadHash);
        var signedAtOffset = new DateTimeOffset(signedAt, TimeSpan.Zero);
        return new PresignedConnectUrl(url, signedAtOffset, signedAtOffset.AddSeconds(seconds), channelArn, role, clientId);
    }

    /// <inheritdoc/>
    public Task<KvsSignalingConnection> ConnectAsync(
        ChannelArn channelArn,
        ChannelRole role,
        string? clientId = null,
        SignalingConnectionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        CheckRole(role, nameof(role));
        CheckConnectClientId(role, clientId, nameof(clientId));
        var settings = (options ?? new SignalingConnectionOptions()).Checked(nameof(options));
        return KvsSignalingConnection.OpenAsync(this, channelArn, role, clientId, settings, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<IceServer>> GetIceServerConfigAsync(
        ChannelArn channelArn,
        string? clientId = null,
        GetIceServerConfigOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        if (clientId is not null)
        {
            CheckClientId(clientId, nameof(clientId));
        }

        var role = options?.Role ?? (clientId is null ? ChannelRole.Master : ChannelRole.Viewer);
        CheckRole(role, nameof(options));
        var key = channelArn.Value + "\n" + role.Value + "\n" + clientId;
        List<IceServer> servers;
        if (options?.BypassCache != true && _iceServers.TryGetValue(key, out var kept) && DateTimeOffset.UtcNow < kept.KeepUntil)
        {
            servers = kept.Servers;
        }
        else
        {
            const string operation = "GetIceServerConfig";
            var endpoints = await GetSignalingChannelEndpointAsync(channelArn, role, DefaultProtocols, null, cancellationToken).ConfigureAwait(false);
            var https = endpoints.Https ?? throw new KvsEndpointException($"GetSignalingChannelEndpoint returned no HTTPS endpoint for {role.Value} on {channelArn.Value}.", "GetSignalingChannelEndpoint", "(none)", ChannelProtocol.Https.Value, endpoints.RequestId);
            var uri = new Uri(https.AbsoluteUri.TrimEnd('/') + "/v1/get-ice-server-config", UriKind.Absolute);
            var response = await ForgettingMissingChannelAsync(_caller.SendToAsync(operation, uri, RequestBodies.GetIceServerConfig(channelArn, clientId), channelArn.Value, cancellationToken), channelArn).ConfigureAwait(false);

            var answeredAt = DateTimeOffset.UtcNow;
            servers = Read(operation, response, body => ResponseBodies.IceServerList(body, answeredAt));
            var smallest = servers.Where(s => s.ExpiresAt is not null).Select(s => s.ExpiresAt!.Value).DefaultIfEmpty(answeredAt).Min();
            _iceServers[key] = new KeptIceServers(servers, smallest - IceServerRefreshMargin);
        }

        if (options?.IncludeStunServer != true)
        {
            return servers.AsReadOnly();
        }

        var result = new List<IceServer>(servers.Count + 1) { new(new[] { StunUri(channelArn.Region) }, null, null, null, null) };
        result.AddRange(servers);
        return result;
    }

    /// <inheritdoc/>
    public void InvalidateIceServerConfig(ChannelArn channelArn)
    {
        if (channelArn is null)
        {
            throw new ArgumentNullException(nameof(channelArn));
        }

        foreach (var key in _iceServers.Keys.Where(k => k.StartsWith(channelArn.Value + "\n", StringComparison.Ordinal)).ToList())
        {
            _iceServers.TryRemove(key, out _);
        }
    }

    /// <summary>The region's STUN server, as the AWS WebRTC SDKs add it: <c>stun:stun.kinesisvideo.&lt;region&gt;.&lt;dns suffix&gt;:443</c>.</summary>
    public static string StunUri(string region)
    {
        if (string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("A region is required.", nameof(region));
        }

        var suffix = EndpointRuleSet.Embedded.Partitions.Resolve(region).TryGetValue("dnsSuffix", out var value) && value is string text ? text : "amazonaws.com";
        return $"stun:stun.kinesisvideo.{region}.{suffix}:443";
    }

    /// <inheritdoc/>
    public async Task<SignalingChannelInfo> DescribeSignalingChannelAsync(ChannelArn channelArn, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        const string operation = "DescribeSignalingChannel";
        var response = await SendAsync(operation, "/describeSignalingChannel", RequestBodies.DescribeSignalingChannel(null, channelArn), channelArn, cancellationToken).ConfigureAwait(false);
        return Read(operation, response, ResponseBodies.ChannelInfo);
    }

    /// <inheritdoc/>
    public async Task<SignalingChannelInfo> DescribeSignalingChannelByNameAsync(string channelName, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        CheckChannelName(channelName, nameof(channelName));
        const string operation = "DescribeSignalingChannel";
        var response = await SendAsync(operation, "/describeSignalingChannel", RequestBodies.DescribeSignalingChannel(channelName, null), null, cancellationToken).ConfigureAwait(false);
        return Read(operation, response, ResponseBodies.ChannelInfo);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SignalingChannelInfo> ListSignalingChannelsAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var prefix = string.IsNullOrEmpty(namePrefix) ? null : namePrefix;
        if (prefix is not null)
        {
            CheckChannelName(prefix, nameof(namePrefix));
        }

        return ListPagesAsync(prefix, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ChannelArn> CreateSignalingChannelAsync(
        string channelName,
        int? messageTtlSeconds = null,
        IEnumerable<KeyValuePair<string, string>>? tags = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        CheckChannelName(channelName, nameof(channelName));
        CheckMessageTtl(messageTtlSeconds, nameof(messageTtlSeconds));
        var tagList = CheckTags(tags, nameof(tags));
        const string operation = "CreateSignalingChannel";
        var response = await SendAsync(operation, "/createSignalingChannel", RequestBodies.CreateSignalingChannel(channelName, messageTtlSeconds, tagList), null, cancellationToken).ConfigureAwait(false);
        return Read(operation, response, ResponseBodies.CreatedChannelArn);
    }

    /// <inheritdoc/>
    public async Task UpdateSignalingChannelAsync(ChannelArn channelArn, string currentVersion, int? messageTtlSeconds, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        CheckVersion(currentVersion, nameof(currentVersion));
        CheckMessageTtl(messageTtlSeconds, nameof(messageTtlSeconds));
        const string operation = "UpdateSignalingChannel";
        var response = await SendAsync(operation, "/updateSignalingChannel", RequestBodies.UpdateSignalingChannel(channelArn, currentVersion, messageTtlSeconds), channelArn, cancellationToken).ConfigureAwait(false);
        Read(operation, response, body =>
        {
            ResponseBodies.Empty(body);
            return true;
        });
    }

    /// <inheritdoc/>
    public async Task DeleteSignalingChannelAsync(ChannelArn channelArn, string? currentVersion = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        if (currentVersion is not null)
        {
            CheckVersion(currentVersion, nameof(currentVersion));
        }

        const string operation = "DeleteSignalingChannel";
        var response = await SendAsync(operation, "/deleteSignalingChannel", RequestBodies.DeleteSignalingChannel(channelArn, currentVersion), channelArn, cancellationToken).ConfigureAwait(false);
        _cache?.Invalidate(channelArn);
        Read(operation, response, body =>
        {
            ResponseBodies.Empty(body);
            return true;
        });
    }

    /// <inheritdoc/>
    public async Task TagSignalingChannelAsync(ChannelArn channelArn, IEnumerable<KeyValuePair<string, string>> tags, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        if (tags is null)
        {
            throw new ArgumentNullException(nameof(tags), $"Tags are required: give {ModelConstraints.TagListMin} to {ModelConstraints.TagListMax}.");
        }

        var tagList = CheckTags(tags, nameof(tags));
        if (tagList.Count < ModelConstraints.TagListMin || tagList.Count > ModelConstraints.TagListMax)
        {
            throw new ArgumentException($"{tagList.Count} tags were given; allowed: {ModelConstraints.TagListMin} to {ModelConstraints.TagListMax}.", nameof(tags));
        }

        const string operation = "TagResource";
        var response = await SendAsync(operation, "/TagResource", RequestBodies.TagResource(channelArn, tagList), channelArn, cancellationToken).ConfigureAwait(false);
        Read(operation, response, body =>
        {
            ResponseBodies.Empty(body);
            return true;
        });
    }

    /// <inheritdoc/>
    public async Task UntagSignalingChannelAsync(ChannelArn channelArn, IEnumerable<string> tagKeys, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        var keys = CheckTagKeys(tagKeys, nameof(tagKeys));
        const string operation = "UntagResource";
        var response = await SendAsync(operation, "/UntagResource", RequestBodies.UntagResource(channelArn, keys), channelArn, cancellationToken).ConfigureAwait(false);
        Read(operation, response, body =>
        {
            ResponseBodies.Empty(body);
            return true;
        });
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string>> ListSignalingChannelTagsAsync(ChannelArn channelArn, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed(channelArn);

        const string operation = "ListTagsForResource";
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var response = await SendAsync(operation, "/ListTagsForResource", RequestBodies.ListTagsForResource(channelArn, nextToken), channelArn, cancellationToken).ConfigureAwait(false);
            var (tags, token) = Read(operation, response, ResponseBodies.ResourceTags);
            foreach (var tag in tags)
            {
                result[tag.Key] = tag.Value;
            }

            if (token is not null && token == nextToken)
            {
                throw new KvsTransportException($"{operation} failed: the service returned the same NextToken twice, so the listing would never end.", operation, KvsErrorCodes.MalformedResponse, response.StatusCode, response.RequestId, 1);
            }

            nextToken = token;
        }
        while (nextToken is not null);

        return result;
    }

    /// <inheritdoc/>
    public void InvalidateEndpointCache(ChannelArn channelArn)
    {
        if (channelArn is null)
        {
            throw new ArgumentNullException(nameof(channelArn));
        }

        _cache?.Invalidate(channelArn);
    }

    /// <summary>The endpoint cache, or null when it is off: the module answers repeated lookups from it on the pipeline thread.</summary>
    internal EndpointCache? EndpointCache => _cache;

    /// <summary>The cache key of a lookup, with the protocol part from <see cref="EndpointCache.ProtocolsKey"/>.</summary>
    internal string EndpointCacheKey(ChannelArn channelArn, ChannelRole role, string protocolsKey) => EndpointCache.KeyOf(Endpoint, channelArn, role, protocolsKey);

    /// <summary>Closes the pooled connections and cancels shared in-flight lookups.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _lifetime.Cancel();
            _caller.Dispose();
            _lifetime.Dispose();
        }
    }

    internal static void CheckRole(ChannelRole role, string paramName) => ChannelRole.CheckSet(role, paramName);

    /// <summary>
    /// A client id the signaling service accepts: 1..256 of <c>[a-zA-Z0-9_.-]</c>, not starting with <c>AWS_</c>.
    /// The rules and the message are those of the analyzer's KVS1007 (KvsSignaling.Grammar.ClientIdGrammar).
    /// </summary>
    internal static void CheckClientId(string? clientId, string paramName)
    {
        if (clientId is null)
        {
            throw new ArgumentNullException(paramName, "A client id is required; allowed: " + ClientIdGrammar.Allowed + ".");
        }

        if (ClientIdGrammar.FindProblem(clientId) is { } problem)
        {
            throw new ArgumentException(ClientIdGrammar.Message(ChannelValueGrammar.Printable(ModelConstraints.Shorten(clientId)), problem), paramName);
        }
    }

    /// <summary>A viewer connects with a client id; a master without one.</summary>
    internal static void CheckConnectClientId(ChannelRole role, string? clientId, string paramName)
    {
        if (role == ChannelRole.Master)
        {
            if (clientId is not null)
            {
                throw new ArgumentException("A master connects without a client id (the service refuses one); pass null.", paramName);
            }

            return;
        }

        if (clientId is null)
        {
            throw new ArgumentNullException(paramName, "A viewer connects with a client id: " + ClientIdGrammar.Allowed + ".");
        }

        CheckClientId(clientId, paramName);
    }

    internal static IReadOnlyList<ChannelProtocol> CheckProtocols(IEnumerable<ChannelProtocol>? protocols, string paramName) =>
        protocols is null ? DefaultProtocols : ChannelProtocol.CheckList(protocols, paramName);

    internal static void CheckChannelName(string? channelName, string paramName) =>
        ModelConstraints.Check(channelName, paramName, "Channel name", ModelConstraints.ChannelName, ModelConstraints.ChannelNamePattern, ModelConstraints.ChannelNameMin, ModelConstraints.ChannelNameMax);

    internal static void CheckVersion(string? version, string paramName) =>
        ModelConstraints.Check(version, paramName, "Channel version", ModelConstraints.Version, ModelConstraints.VersionPattern, ModelConstraints.VersionMin, ModelConstraints.VersionMax);

    internal static void CheckMessageTtl(int? messageTtlSeconds, string paramName)
    {
        if (messageTtlSeconds is int ttl && (ttl < ModelConstraints.MessageTtlSecondsMin || ttl > ModelConstraints.MessageTtlSecondsMax))
        {
            throw new ArgumentOutOfRangeException(paramName, ttl, $"Message TTL {ttl} seconds is out of range; allowed: {ModelConstraints.MessageTtlSecondsMin}..{ModelConstraints.MessageTtlSecondsMax} seconds.");
        }
    }

    internal static IReadOnlyList<KeyValuePair<string, string>> CheckTags(IEnumerable<KeyValuePair<string, string>>? tags, string paramName)
    {
        var list = tags?.ToList() ?? new List<KeyValuePair<string, string>>();
        if (list.Count > ModelConstraints.TagsOnCreateMax)
        {
            throw new ArgumentException($"{list.Count} tags were given; allowed: at most {ModelConstraints.TagsOnCreateMax}.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in list)
        {
            ModelConstraints.Check(tag.Key, paramName, "Tag key", ModelConstraints.TagKey, ModelConstraints.TagKeyPattern, ModelConstraints.TagKeyMin, ModelConstraints.TagKeyMax);
            ModelConstraints.Check(tag.Value, paramName, $"Value of tag '{tag.Key}'", ModelConstraints.TagValue, ModelConstraints.TagValuePattern, ModelConstraints.TagValueMin, ModelConstraints.TagValueMax);
            if (!seen.Add(tag.Key))
            {
                throw new ArgumentException($"Tag key '{ModelConstraints.Shorten(tag.Key)}' is given more than once; each key may appear once.", paramName);
            }
        }

        return list;
    }

    internal static IReadOnlyList<string> CheckTagKeys(IEnumerable<string>? tagKeys, string paramName)
    {
        if (tagKeys is null)
        {
            throw new ArgumentNullException(paramName, $"Tag keys are required: give {ModelConstraints.TagKeyListMin} to {ModelConstraints.TagKeyListMax}.");
        }

        var list = tagKeys.ToList();
        if (list.Count < ModelConstraints.TagKeyListMin || list.Count > ModelConstraints.TagKeyListMax)
        {
            throw new ArgumentException($"{list.Count} tag keys were given; allowed: {ModelConstraints.TagKeyListMin} to {ModelConstraints.TagKeyListMax}.", paramName);
        }

        foreach (var key in list)
        {
            ModelConstraints.Check(key, paramName, "Tag key", ModelConstraints.TagKey, ModelConstraints.TagKeyPattern, ModelConstraints.TagKeyMin, ModelConstraints.TagKeyMax);
        }

        return list;
    }

    private static void CheckOptions(KvsSignalingClientOptions options)
    {
        if (options.MaxAttempts is < 1 or > RetrySettings.MaxAttemptsLimit)
        {
            throw new ArgumentException($"MaxAttempts {options.MaxAttempts} is out of range; allowed: 1..{RetrySettings.MaxAttemptsLimit}.", nameof(options));
        }

        if (options.ThrottlingRetryLimit < TimeSpan.Zero)
        {
            throw new ArgumentException($"ThrottlingRetryLimit {options.ThrottlingRetryLimit} must not be negative.", nameof(options));
        }

        if (options.CircuitBreakerThreshold < 0 || options.CircuitBreakerDuration < TimeSpan.Zero)
        {
            throw new ArgumentException($"CircuitBreakerThreshold {options.CircuitBreakerThreshold} and CircuitBreakerDuration {options.CircuitBreakerDuration} must not be negative.", nameof(options));
        }

        if (options.AttemptTimeout <= TimeSpan.Zero && options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"AttemptTimeout {options.AttemptTimeout} must be positive (or Timeout.InfiniteTimeSpan).", nameof(options));
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("RetryBaseDelay and RetryMaxDelay must not be negative.", nameof(options));
        }

        if (options.EndpointCacheTtl <= TimeSpan.Zero)
        {
            throw new ArgumentException($"EndpointCacheTtl {options.EndpointCacheTtl} must be positive.", nameof(options));
        }

        if (options.EndpointCacheMaxEntries < 1)
        {
            throw new ArgumentException($"EndpointCacheMaxEntries {options.EndpointCacheMaxEntries} must be at least 1.", nameof(options));
        }

        if (options.MaxRequestsPerSecond is double rate && (double.IsNaN(rate) || rate <= 0 || double.IsInfinity(rate)))
        {
            throw new ArgumentException($"MaxRequestsPerSecond {rate} must be a positive number, or null for no pacing.", nameof(options));
        }

        if (options.MaxResponseBodyBytes < 1024)
        {
            throw new ArgumentException($"MaxResponseBodyBytes {options.MaxResponseBodyBytes} must be at least 1024.", nameof(options));
        }
    }

    private static T Read<T>(string operation, ServiceResponse response, Func<ReadOnlyMemory<byte>, T> reader)
    {
        try
        {
            return reader(response.Body);
        }
        catch (MalformedResponseException e)
        {
            var requestId = response.RequestId is null ? string.Empty : $" (request id {response.RequestId})";
            throw new KvsTransportException($"{operation} failed: {e.Message}{requestId}.", operation, KvsErrorCodes.MalformedResponse, response.StatusCode, response.RequestId, 1, e);
        }
    }

    private async Task<ChannelEndpoints> FetchEndpointsAsync(ChannelArn channelArn, ChannelRole role, IReadOnlyList<ChannelProtocol> protocols, CancellationToken cancellationToken)
    {
        const string operation = "GetSignalingChannelEndpoint";
        var response = await SendAsync(operation, "/getSignalingChannelEndpoint", RequestBodies.GetSignalingChannelEndpoint(channelArn, role, protocols), channelArn, cancellationToken).ConfigureAwait(false);
        var raw = Read(operation, response, ResponseBodies.ResourceEndpointList);
        var endpoints = ReturnedEndpoints.Check(operation, raw, Endpoint, response.RequestId);
        return new ChannelEndpoints(channelArn, role, endpoints, response.RequestId, fromCache: false);
    }

    private async IAsyncEnumerable<SignalingChannelInfo> ListPagesAsync(string? namePrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string operation = "ListSignalingChannels";
        string? nextToken = null;
        do
        {
            var response = await SendAsync(operation, "/listSignalingChannels", RequestBodies.ListSignalingChannels(namePrefix, nextToken), null, cancellationToken).ConfigureAwait(false);
            var (channels, token) = Read(operation, response, ResponseBodies.ChannelInfoList);
            foreach (var channel in channels)
            {
                yield return channel;
            }

            if (token is not null && token == nextToken)
            {
                throw new KvsTransportException($"{operation} failed: the service returned the same NextToken twice, so the listing would never end.", operation, KvsErrorCodes.MalformedResponse, response.StatusCode, response.RequestId, 1);
            }

            nextToken = token;
        }
        while (nextToken is not null);
    }

    private async Task<Uri> WssEndpointAsync(ChannelArn channelArn, ChannelRole role, CancellationToken cancellationToken)
    {
        var endpoints = await GetSignalingChannelEndpointAsync(channelArn, role, DefaultProtocols, null, cancellationToken).ConfigureAwait(false);
        return endpoints.Wss ?? throw new KvsEndpointException($"GetSignalingChannelEndpoint returned no WSS endpoint for {role.Value} on {channelArn.Value}.", "GetSignalingChannelEndpoint", "(none)", ChannelProtocol.Wss.Value, endpoints.RequestId);
    }

    private Task<ServiceResponse> SendAsync(string operation, string path, byte[] body, ChannelArn? target, CancellationToken cancellationToken) =>
        ForgettingMissingChannelAsync(_caller.SendAsync(operation, path, body, target?.Value, cancellationToken), target);

    /// <summary>
    /// The one place cached endpoints are dropped for an answer: a call about <paramref name="target"/> that the
    /// service answers <see cref="KvsErrorKind.NotFound"/> means the channel is gone (or never was).
    /// </summary>
    private async Task<ServiceResponse> ForgettingMissingChannelAsync(Task<ServiceResponse> call, ChannelArn? target)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (KvsServiceException e) when (target is not null && e.Kind == KvsErrorKind.NotFound)
        {
            _cache?.Invalidate(target);
            throw;
        }
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(KvsSignalingClient));
        }
    }

    // The start of every call about one channel: a disposed client, then a missing ARN, refused before any work.
    private void ThrowIfDisposed(ChannelArn channelArn)
    {
        ThrowIfDisposed();
        if (channelArn is null)
        {
            throw new ArgumentNullException(nameof(channelArn), "A channel ARN is required.");
        }
    }

    private sealed class KeptIceServers
    {
        public KeptIceServers(List<IceServer> servers, DateTimeOffset keepUntil)
        {
            Servers = servers;
            KeepUntil = keepUntil;
        }

        public List<IceServer> Servers { get; }

        public DateTimeOffset KeepUntil { get; }
    }
}
