namespace KvsSignaling;

/// <summary>
/// The operations of <see cref="KvsSignalingClient"/>, so that code using the client can be given a substitute in its
/// tests. <see cref="KvsSignalingClient"/> is the one implementation; <c>AddKvsSignaling</c> (package
/// KvsSignaling.Extensions.DependencyInjection) registers it as this interface.
/// </summary>
/// <remarks>
/// No <see cref="IDisposable"/> here: whoever creates the client owns it and disposes it (the container, for a
/// registered client), not the code it is handed to.
/// </remarks>
public interface IKvsSignalingClient
{
    /// <summary>The control-plane endpoint this client sends to.</summary>
    Uri Endpoint { get; }

    /// <summary>The region requests are signed for.</summary>
    string Region { get; }

    /// <summary>
    /// Obtains the AWS credentials now, without sending a request: the profile is read, a role is assumed, a
    /// cached IAM Identity Center token is exchanged, and so on. Calls do this themselves on first use; call it
    /// first to report a credential problem once, up front (at service start, or before a batch of calls).
    /// </summary>
    /// <param name="cancellationToken">Stops the resolution.</param>
    /// <exception cref="KvsCredentialsException">No usable credentials: the message names the profile, the source that failed and, for an expired IAM Identity Center sign-in, the command that renews it.</exception>
    Task ResolveCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the endpoints of a signaling channel for a role (<c>POST /getSignalingChannelEndpoint</c>).
    /// </summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="role">MASTER or VIEWER.</param>
    /// <param name="protocols">1 to 5 protocols without duplicates; null asks for <see cref="KvsSignalingClient.DefaultProtocols"/> (WSS and HTTPS).</param>
    /// <param name="options">Per-call settings, such as bypassing the endpoint cache.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <returns>The channel, the role and one checked endpoint per returned protocol.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (before any network call).</exception>
    /// <exception cref="KvsServiceException">The service answered an error.</exception>
    /// <exception cref="KvsEndpointException">A returned endpoint is not absolute or its scheme does not fit its protocol.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived after the allowed attempts.</exception>
    Task<ChannelEndpoints> GetSignalingChannelEndpointAsync(
        ChannelArn channelArn,
        ChannelRole role,
        IEnumerable<ChannelProtocol>? protocols = null,
        GetEndpointOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a presigned WebSocket URL that connects to a channel as master or viewer (ConnectAsMaster,
    /// ConnectAsViewer), signed with this client's credentials: for example a backend minting viewer URLs for browsers.
    /// </summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="role">MASTER or VIEWER.</param>
    /// <param name="clientId">The viewer's client id (1..256 of <c>[a-zA-Z0-9_.-]</c>, not starting with <c>AWS_</c>); required for a viewer, not allowed for a master.</param>
    /// <param name="expiresIn">How long the URL is valid, 1 second to 7 days in whole seconds; null takes <see cref="KvsSignalingClient.DefaultPresignedUrlExpiry"/>. Temporary credentials shorten it to their own expiry.</param>
    /// <param name="wssEndpoint">The channel's WSS endpoint for the role; null looks it up (<c>GetSignalingChannelEndpoint</c>, through the endpoint cache).</param>
    /// <param name="cancellationToken">Stops the endpoint lookup and credential resolution.</param>
    /// <returns>The URL, its expiry, and what it connects to.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (before any network call).</exception>
    /// <exception cref="KvsCredentialsException">No usable credentials, or they have already expired.</exception>
    /// <exception cref="KvsServiceException">The endpoint lookup answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsEndpointException">The service returned no WSS endpoint for the role.</exception>
    /// <exception cref="KvsTransportException">The endpoint lookup got no usable answer.</exception>
    Task<PresignedConnectUrl> CreatePresignedConnectUrlAsync(
        ChannelArn channelArn,
        ChannelRole role,
        string? clientId = null,
        TimeSpan? expiresIn = null,
        Uri? wssEndpoint = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a signaling connection to a channel as master or viewer (ConnectAsMaster, ConnectAsViewer): finds the
    /// channel's WSS endpoint (through the endpoint cache), presigns a URL with this client's credentials and opens a
    /// WebSocket with it. Every reconnect presigns a new URL.
    /// </summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="role">MASTER or VIEWER.</param>
    /// <param name="clientId">The viewer's client id (1..256 of <c>[a-zA-Z0-9_.-]</c>, not starting with <c>AWS_</c>); required for a viewer, not allowed for a master.</param>
    /// <param name="options">Reconnects, buffer, waits; null takes the defaults.</param>
    /// <param name="cancellationToken">Stops the endpoint lookup, the signing and the handshake.</param>
    /// <returns>The open connection; dispose it to close.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid (before any network call).</exception>
    /// <exception cref="KvsCredentialsException">No usable credentials.</exception>
    /// <exception cref="KvsServiceException">The endpoint lookup answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsEndpointException">The service returned no WSS endpoint for the role.</exception>
    /// <exception cref="KvsTransportException">The endpoint lookup got no usable answer.</exception>
    /// <exception cref="KvsSignalingConnectionException">The WebSocket handshake failed or was refused (<see cref="KvsSignalingException.StatusCode"/> and <see cref="KvsSignalingException.ErrorCode"/> say how, where the platform tells).</exception>
    Task<KvsSignalingConnection> ConnectAsync(
        ChannelArn channelArn,
        ChannelRole role,
        string? clientId = null,
        SignalingConnectionOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the channel's ICE servers (TURN, with credentials) for a peer connection (<c>POST /v1/get-ice-server-config</c>
    /// on the channel's HTTPS endpoint, found through the endpoint cache). Answers are kept until 30 seconds before the
    /// smallest <see cref="IceServer.Ttl"/>, as the AWS WebRTC SDKs refresh them.
    /// </summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="clientId">The viewer's client id (1..256 of <c>[a-zA-Z0-9_.-]</c>); null for the master.</param>
    /// <param name="options">Role, STUN server, cache bypass.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <returns>The servers, the region's STUN server first when asked for.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (before any network call).</exception>
    /// <exception cref="KvsServiceException">The service answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsEndpointException">The service returned no HTTPS endpoint for the channel.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived.</exception>
    Task<IReadOnlyList<IceServer>> GetIceServerConfigAsync(
        ChannelArn channelArn,
        string? clientId = null,
        GetIceServerConfigOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Forgets the kept ICE servers of a channel, for example after the service sent <c>RECONNECT_ICE_SERVER</c>.</summary>
    void InvalidateIceServerConfig(ChannelArn channelArn);

    /// <summary>Describes a signaling channel by ARN (<c>POST /describeSignalingChannel</c>).</summary>
    /// <exception cref="ArgumentException">The ARN is missing.</exception>
    /// <exception cref="KvsServiceException">The service answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived.</exception>
    Task<SignalingChannelInfo> DescribeSignalingChannelAsync(ChannelArn channelArn, CancellationToken cancellationToken = default);

    /// <summary>Describes a signaling channel by name (<c>POST /describeSignalingChannel</c>).</summary>
    /// <param name="channelName">1..256 characters of letters, digits, '_', '.', '-'.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="KvsServiceException">The service answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived.</exception>
    Task<SignalingChannelInfo> DescribeSignalingChannelByNameAsync(string channelName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists signaling channels, following every page (<c>POST /listSignalingChannels</c>).
    /// </summary>
    /// <param name="namePrefix">Only channels whose names begin with this (sent as <c>ChannelNameCondition</c> <c>BEGINS_WITH</c>); null or empty lists all.</param>
    /// <param name="cancellationToken">Stops the listing at once.</param>
    /// <exception cref="ArgumentException">The prefix is not a valid channel name.</exception>
    IAsyncEnumerable<SignalingChannelInfo> ListSignalingChannelsAsync(string? namePrefix = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a <c>SINGLE_MASTER</c> signaling channel (<c>POST /createSignalingChannel</c>).</summary>
    /// <param name="channelName">1..256 characters of letters, digits, '_', '.', '-'.</param>
    /// <param name="messageTtlSeconds">How long undelivered messages are kept, 5..120 seconds; null takes the service default.</param>
    /// <param name="tags">Up to 50 tags (keys 1..128, values 0..256 characters); null for none.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <returns>The new channel's ARN.</returns>
    Task<ChannelArn> CreateSignalingChannelAsync(
        string channelName,
        int? messageTtlSeconds = null,
        IEnumerable<KeyValuePair<string, string>>? tags = null,
        CancellationToken cancellationToken = default);

    /// <summary>Updates a channel's message TTL (<c>POST /updateSignalingChannel</c>).</summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="currentVersion">The channel's current <see cref="SignalingChannelInfo.Version"/> (1..64 letters and digits).</param>
    /// <param name="messageTtlSeconds">The new TTL, 5..120 seconds; null leaves the configuration out of the request.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    Task UpdateSignalingChannelAsync(ChannelArn channelArn, string currentVersion, int? messageTtlSeconds, CancellationToken cancellationToken = default);

    /// <summary>Deletes a channel (<c>POST /deleteSignalingChannel</c>) and drops its cached endpoints.</summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="currentVersion">The channel's current version, to delete only that version; null deletes whatever version is current.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    Task DeleteSignalingChannelAsync(ChannelArn channelArn, string? currentVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds tags to a signaling channel (<c>POST /TagResource</c>); a key the channel already has gets the new value.
    /// </summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="tags">1 to 50 tags (keys 1..128, values 0..256 characters of letters, digits, spaces and <c>_ . : / = + - @</c>), each key once.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <exception cref="ArgumentException">An argument is invalid (before any network call); the message names the tag.</exception>
    /// <exception cref="KvsServiceException">The service answered an error, for example <c>TagsPerResourceExceededLimitException</c> when the channel would carry more than 50 tags, or <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived.</exception>
    Task TagSignalingChannelAsync(ChannelArn channelArn, IEnumerable<KeyValuePair<string, string>> tags, CancellationToken cancellationToken = default);

    /// <summary>Removes tags from a signaling channel by key (<c>POST /UntagResource</c>); keys the channel does not have are ignored.</summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="tagKeys">1 to 50 keys (1..128 characters of letters, digits, spaces and <c>_ . : / = + - @</c>).</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <exception cref="ArgumentException">An argument is invalid (before any network call); the message names the key.</exception>
    /// <exception cref="KvsServiceException">The service answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived.</exception>
    Task UntagSignalingChannelAsync(ChannelArn channelArn, IEnumerable<string> tagKeys, CancellationToken cancellationToken = default);

    /// <summary>Gets a signaling channel's tags, following every page (<c>POST /ListTagsForResource</c>).</summary>
    /// <param name="channelArn">The channel.</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <returns>The tags by key (ordinal); empty when the channel has none.</returns>
    /// <exception cref="ArgumentException">The ARN is missing.</exception>
    /// <exception cref="KvsServiceException">The service answered an error, for example <c>ResourceNotFoundException</c>.</exception>
    /// <exception cref="KvsTransportException">No usable answer arrived, or the service repeated a NextToken.</exception>
    Task<IReadOnlyDictionary<string, string>> ListSignalingChannelTagsAsync(ChannelArn channelArn, CancellationToken cancellationToken = default);

    /// <summary>Drops the cached endpoints of a channel, for example after its endpoint refused a connection.</summary>
    void InvalidateEndpointCache(ChannelArn channelArn);
}
