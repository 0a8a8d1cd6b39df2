using Amazon.Runtime;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;
using KvsSignaling.Local.Faults;
using static KvsSignaling.EndToEnd.Tests.Signaling.SignalingPeers;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>
/// KvsSignalingConnection against kvs-local's signaling data plane: a master and viewers exchange typed messages, the
/// service's STATUS_RESPONSE becomes a typed error, sends from many threads and a full receive buffer lose nothing,
/// temporary credentials connect, disposing ends the stream, and bad input never reaches the network.
/// </summary>
public sealed class SignalingConnectionTests
{
    private const string Offer = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n";
    private const string Answer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    [Fact]
    public async Task A_master_and_three_viewers_exchange_offers_answers_and_candidates_and_the_master_answers_each_viewer_by_client_id()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token);
        var viewerIds = new[] { "viewer-1", "viewer.2", "viewer_3" };
        var viewers = new List<SignalingPeer>();
        try
        {
            foreach (var id in viewerIds)
            {
                viewers.Add(await ConnectAsync(client, arn, ChannelRole.Viewer, id, guard.Token));
            }

            for (var i = 0; i < viewers.Count; i++)
            {
                await viewers[i].Connection.SendSdpOfferAsync(Offer + "a=viewer:" + viewerIds[i] + "\r\n", cancellationToken: guard.Token);
                await viewers[i].Connection.SendIceCandidateAsync($"candidate:{i} 1 udp 2122260223 192.0.2.{i} 5000{i} typ host", "0", 0, cancellationToken: guard.Token);
            }

            // The master sees each viewer's offer and candidate by sender, and answers that viewer only.
            var seen = new Dictionary<string, List<SignalingMessage>>();
            for (var n = 0; n < viewers.Count * 2; n++)
            {
                var message = await master.NextAsync();
                var sender = message switch
                {
                    SdpMessage sdp => sdp.SenderClientId!,
                    IceCandidateMessage candidate => candidate.SenderClientId!,
                    _ => throw new Xunit.Sdk.XunitException("Unexpected " + message),
                };
                (seen.TryGetValue(sender, out var list) ? list : seen[sender] = new List<SignalingMessage>()).Add(message);
            }

            for (var i = 0; i < viewers.Count; i++)
            {
                var messages = seen[viewerIds[i]];
                var offer = Assert.IsType<SdpMessage>(messages[0]);
                Assert.Equal(SignalingMessageType.SdpOffer, offer.Type);
                Assert.Equal(Offer + "a=viewer:" + viewerIds[i] + "\r\n", offer.Sdp);
                Assert.Contains("\"type\":\"offer\"", offer.Payload, StringComparison.Ordinal);
                var candidate = Assert.IsType<IceCandidateMessage>(messages[1]);
                Assert.Equal($"candidate:{i} 1 udp 2122260223 192.0.2.{i} 5000{i} typ host", candidate.Candidate);
                Assert.Equal("0", candidate.SdpMid);
                Assert.Equal(0, candidate.SdpMLineIndex);

                await master.Connection.SendSdpAnswerAsync(Answer + "a=for:" + viewerIds[i] + "\r\n", viewerIds[i], cancellationToken: guard.Token);
                await master.Connection.SendIceCandidateAsync("candidate:9 1 udp 1 198.51.100.1 9 typ host", null, 1, viewerIds[i], cancellationToken: guard.Token);
            }

            for (var i = 0; i < viewers.Count; i++)
            {
                var answer = await viewers[i].NextAsync<SdpMessage>();
                Assert.Equal(SignalingMessageType.SdpAnswer, answer.Type);
                Assert.Equal(Answer + "a=for:" + viewerIds[i] + "\r\n", answer.Sdp);
                Assert.Null(answer.SenderClientId);
                var candidate = await viewers[i].NextAsync<IceCandidateMessage>();
                Assert.Null(candidate.SdpMid);
                Assert.Equal(1, candidate.SdpMLineIndex);
            }

            Assert.Single(ConnectionsOf(server, arn, "MASTER"));
            Assert.Equal(viewerIds.OrderBy(v => v, StringComparer.Ordinal), ConnectionsOf(server, arn, "VIEWER").Select(c => c.ClientId).OrderBy(v => v, StringComparer.Ordinal));
            Assert.Equal(3, server.Admin.GetMessageCount("SDP_OFFER"));
            Assert.Equal(3, server.Admin.GetMessageCount("SDP_ANSWER"));
            Assert.Equal(6, server.Admin.GetMessageCount("ICE_CANDIDATE"));
            Assert.Equal(0, server.Admin.GetMessageCount("Invalid"));
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_refused_message_with_a_correlation_id_fails_its_send_with_the_service_status_and_an_accepted_one_completes()
    {
        // Quotas on, on a clock that stands still: the 5 offers a second a connection may send never refill.
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = new FrozenClock() });
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-status"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick(o => o.StatusResponseWait = TimeSpan.FromMilliseconds(300)));

        await viewer.Connection.SendIceCandidateAsync("candidate:1 1 udp 1 192.0.2.1 1 typ host", "0", 0, correlationId: "ice-1", cancellationToken: guard.Token);
        for (var i = 0; i < 5; i++)
        {
            await viewer.Connection.SendSdpOfferAsync(Offer, cancellationToken: guard.Token);
        }

        var error = await Assert.ThrowsAsync<KvsSignalingStatusException>(() => viewer.Connection.SendSdpOfferAsync(Offer, correlationId: "offer-6", cancellationToken: guard.Token));
        Assert.Equal("offer-6", error.CorrelationId);
        Assert.Equal("ClientLimitExceededException", error.ErrorCode);
        Assert.Equal(KvsErrorKind.Throttled, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("SendSdpOffer", error.Operation);
        Assert.Contains("SendSdpOffer", error.Description, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KvsSignalingException>(error);

        // The accepted candidate and the five offers arrived; the refused offer did not.
        Assert.Equal(SignalingMessageType.IceCandidate, (await master.NextAsync()).Type);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignalingMessageType.SdpOffer, (await master.NextAsync()).Type);
        }

        Assert.Equal(1, server.Admin.GetMessageCount("STATUS_RESPONSE"));
        Assert.Equal(6, server.Admin.GetMessageCount("SDP_OFFER"));
    }

    [Fact]
    public async Task Without_a_status_wait_a_refusal_comes_through_the_message_stream()
    {
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { TimeProvider = new FrozenClock() });
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-status0"), cancellationToken: guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token, Quick(o => o.StatusResponseWait = TimeSpan.Zero));

        for (var i = 0; i < 5; i++)
        {
            await viewer.Connection.SendSdpAnswerAsync(Answer, cancellationToken: guard.Token);
        }

        await viewer.Connection.SendSdpAnswerAsync(Answer, correlationId: "answer-6", cancellationToken: guard.Token);

        var status = await viewer.NextAsync<StatusResponseMessage>();
        Assert.Equal(SignalingMessageType.StatusResponse, status.Type);
        Assert.Equal("answer-6", status.CorrelationId);
        Assert.Equal("ClientLimitExceededException", status.ErrorType);
        Assert.Equal(400, status.StatusCode);
        Assert.False(status.IsSuccess);
    }

    [Fact]
    public async Task Sends_from_many_threads_all_arrive_intact()
    {
        // 200 in all: within the 256 frames kvs-local queues for one client, past which it drops a client that lags.
        const int threads = 8;
        const int each = 25;
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-threads"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token);

        // Each candidate is long enough that interleaved frames would corrupt it.
        static string Candidate(int thread, int n) => $"candidate:{thread}-{n} 1 udp 2122260223 192.0.2.{thread} {10000 + n} typ host " + new string((char)('a' + thread), 300);
        var sends = Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            for (var n = 0; n < each; n++)
            {
                await viewer.Connection.SendIceCandidateAsync(Candidate(t, n), "0", n % 3, cancellationToken: guard.Token);
            }
        })).ToList();

        var received = new List<IceCandidateMessage>();
        for (var i = 0; i < threads * each; i++)
        {
            received.Add(await master.NextAsync<IceCandidateMessage>());
        }

        await Task.WhenAll(sends);
        var expected = Enumerable.Range(0, threads).SelectMany(t => Enumerable.Range(0, each).Select(n => Candidate(t, n))).OrderBy(c => c, StringComparer.Ordinal);
        Assert.Equal(expected, received.Select(m => m.Candidate).OrderBy(c => c, StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal("viewer-1", m.SenderClientId));

        // Each thread's own candidates keep its order.
        for (var t = 0; t < threads; t++)
        {
            var prefix = $"candidate:{t}-";
            Assert.Equal(Enumerable.Range(0, each).Select(n => Candidate(t, n)), received.Select(m => m.Candidate!).Where(c => c.StartsWith(prefix, StringComparison.Ordinal)));
        }

        Assert.Equal(0, server.Admin.GetMessageCount("Invalid"));
    }

    [Fact]
    public async Task A_full_receive_buffer_holds_the_socket_back_and_loses_nothing()
    {
        const int count = 120;
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-buffer"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token, Quick(o => o.ReceiveBufferCapacity = 2));
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token);

        // Everything is sent before the master reads one message, so its buffer of 2 fills and the rest waits on the socket.
        for (var i = 0; i < count; i++)
        {
            await viewer.Connection.SendIceCandidateAsync("candidate:" + i, "0", 0, cancellationToken: guard.Token);
        }

        await UntilAsync(() => server.Admin.GetMessageCount("ICE_CANDIDATE") == count, guard.Token);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal("candidate:" + i, (await master.NextAsync<IceCandidateMessage>()).Candidate);
        }
    }

    [Fact]
    public async Task Disposing_during_a_read_ends_the_stream_closes_the_connection_and_leaves_no_unobserved_exception()
    {
        using var unobserved = new UnobservedTaskExceptions();
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-dispose"), cancellationToken: guard.Token);
        var master = await client.ConnectAsync(arn, ChannelRole.Master, cancellationToken: guard.Token);
        var viewer = await client.ConnectAsync(arn, ChannelRole.Viewer, "viewer-1", new SignalingConnectionOptions { StatusResponseWait = TimeSpan.FromSeconds(20) }, guard.Token);
        await UntilAsync(() => ConnectionsOf(server, arn, "MASTER").Count == 1 && ConnectionsOf(server, arn, "VIEWER").Count == 1, guard.Token);

        var reading = Task.Run(async () =>
        {
            var messages = 0;
            await foreach (var _ in master.ReadAllAsync(guard.Token))
            {
                messages++;
            }

            return messages;
        });

        // A send waiting for its status when the connection goes is told so.
        var waiting = viewer.SendSdpOfferAsync(Offer, correlationId: "c-1", cancellationToken: guard.Token);
        await master.DisposeAsync();
        await viewer.DisposeAsync();
        await viewer.DisposeAsync();

        Assert.InRange(await reading, 0, 1);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => master.SendSdpAnswerAsync(Answer, "viewer-1", cancellationToken: guard.Token));
        await foreach (var _ in viewer.ReadAllAsync(guard.Token))
        {
        }

        await UntilAsync(() => server.Admin.Connections.All(c => c.ChannelARN != arn.Value), guard.Token);
        master.Dispose();
        unobserved.AssertNone();
    }

    [Fact]
    public async Task Temporary_credentials_connect_with_their_session_token()
    {
        const string accessKey = "AKIDE2ECONNECT";
        const string secretKey = "connect-SECRET-never-shown";
        const string sessionToken = "connect-session-TOKEN-never-shown";
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            QuotasEnabled = false,
            Credentials = [new KvsLocalCredential(accessKey, secretKey) { SessionToken = sessionToken }],
        });
        using var client = LocalClients.Create(server, o => o.Credentials = new SessionAWSCredentials(accessKey, secretKey, sessionToken));
        using var wrongToken = LocalClients.Create(server, o => o.Credentials = new SessionAWSCredentials(accessKey, secretKey, sessionToken + "-wrong"));
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-sts"), cancellationToken: guard.Token);

        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token);
        await viewer.Connection.SendSdpOfferAsync(Offer, cancellationToken: guard.Token);
        Assert.Equal(Offer, (await master.NextAsync<SdpMessage>()).Sdp);

        // The endpoint lookup needs the token too, so a wrong one is refused there, before any upgrade.
        var refused = await Assert.ThrowsAsync<KvsServiceException>(() => wrongToken.ConnectAsync(arn, ChannelRole.Viewer, "viewer-2", cancellationToken: guard.Token));
        Assert.DoesNotContain(sessionToken, refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secretKey, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_handshake_is_a_typed_connection_error_that_names_no_secret()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server, o => o.EnableEndpointCache = true);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-refused"), cancellationToken: guard.Token);
        server.Admin.AddFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Operation = "ConnectAsViewer", Count = 1 });

        var error = await Assert.ThrowsAsync<KvsSignalingConnectionException>(() => client.ConnectAsync(arn, ChannelRole.Viewer, "viewer-1", cancellationToken: guard.Token));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(KvsErrorKind.ServiceFault, error.Kind);
        Assert.Equal("ConnectAsViewer", error.Operation);
        Assert.Contains(arn.Value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(KvsLocalCredential.DefaultSecretAccessKey, error.ToString(), StringComparison.Ordinal);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_network_call()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = ChannelArn.Parse("arn:aws:kinesisvideo:us-west-2:123456789012:channel/conn-bad/1700000000000");

        Assert.Contains("client id", (await Assert.ThrowsAsync<ArgumentNullException>(() => client.ConnectAsync(arn, ChannelRole.Viewer, cancellationToken: guard.Token))).Message, StringComparison.Ordinal);
        Assert.Contains("master", (await Assert.ThrowsAsync<ArgumentException>(() => client.ConnectAsync(arn, ChannelRole.Master, "viewer-1", cancellationToken: guard.Token))).Message, StringComparison.Ordinal);
        foreach (var bad in new[] { "", "bad id", "AWS_reserved", "viewer/1", new string('v', 257) })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ConnectAsync(arn, ChannelRole.Viewer, bad, cancellationToken: guard.Token));
            Assert.Equal("clientId", error.ParamName);
        }

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ConnectAsync(null!, ChannelRole.Master, cancellationToken: guard.Token));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ConnectAsync(arn, default, cancellationToken: guard.Token));
        foreach (var options in new[]
        {
            new SignalingConnectionOptions { MaxReconnectAttempts = -1 },
            new SignalingConnectionOptions { ReceiveBufferCapacity = 0 },
            new SignalingConnectionOptions { ConnectTimeout = TimeSpan.Zero },
            new SignalingConnectionOptions { StatusResponseWait = TimeSpan.FromSeconds(-1) },
            new SignalingConnectionOptions { ReconnectBaseDelay = TimeSpan.FromSeconds(-1) },
        })
        {
            Assert.Equal("options", (await Assert.ThrowsAsync<ArgumentException>(() => client.ConnectAsync(arn, ChannelRole.Master, null, options, guard.Token))).ParamName);
        }

        Assert.Empty(server.Admin.RequestCounts);
    }

    [Fact]
    public async Task Bad_messages_are_refused_before_anything_is_sent()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);
        using var guard = Guard();
        var arn = await client.CreateSignalingChannelAsync(Channels.UniqueName("conn-badmsg"), cancellationToken: guard.Token);
        await using var master = await ConnectAsync(client, arn, ChannelRole.Master, null, guard.Token);
        await using var viewer = await ConnectAsync(client, arn, ChannelRole.Viewer, "viewer-1", guard.Token);

        Assert.Equal("recipientClientId", (await Assert.ThrowsAsync<ArgumentNullException>(() => master.Connection.SendSdpAnswerAsync(Answer, cancellationToken: guard.Token))).ParamName);
        Assert.Equal("recipientClientId", (await Assert.ThrowsAsync<ArgumentException>(() => master.Connection.SendSdpAnswerAsync(Answer, "bad id", cancellationToken: guard.Token))).ParamName);
        Assert.Equal("recipientClientId", (await Assert.ThrowsAsync<ArgumentException>(() => viewer.Connection.SendSdpOfferAsync(Offer, "master", cancellationToken: guard.Token))).ParamName);
        Assert.Equal("correlationId", (await Assert.ThrowsAsync<ArgumentException>(() => viewer.Connection.SendSdpOfferAsync(Offer, correlationId: "has space", cancellationToken: guard.Token))).ParamName);
        Assert.Equal("sdp", (await Assert.ThrowsAsync<ArgumentException>(() => viewer.Connection.SendSdpOfferAsync("", cancellationToken: guard.Token))).ParamName);
        Assert.Equal("sdp", (await Assert.ThrowsAsync<ArgumentException>(() => viewer.Connection.SendSdpOfferAsync(new string('s', 8000), cancellationToken: guard.Token))).ParamName);
        Assert.Equal("candidate", (await Assert.ThrowsAsync<ArgumentNullException>(() => viewer.Connection.SendIceCandidateAsync(null!, "0", 0, cancellationToken: guard.Token))).ParamName);
        Assert.Equal("sdpMLineIndex", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => viewer.Connection.SendIceCandidateAsync("c", "0", -1, cancellationToken: guard.Token))).ParamName);

        // The largest payload the service takes still goes through.
        var largest = new string('s', ((10240 / 4 * 3) - "{\"type\":\"offer\",\"sdp\":\"\"}".Length));
        await viewer.Connection.SendSdpOfferAsync(largest, cancellationToken: guard.Token);
        Assert.Equal(largest, (await master.NextAsync<SdpMessage>()).Sdp);
        Assert.Equal(1, server.Admin.MessageCounts.Values.Sum());
    }

    /// <summary>The system clock stopped at its creation, so kvs-local's token buckets never refill.</summary>
    private sealed class FrozenClock : TimeProvider
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
        private readonly long _timestamp = global::System.Diagnostics.Stopwatch.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _timestamp;
    }
}
