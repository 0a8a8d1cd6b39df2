using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KvsSignaling.Local;

namespace KvsSignaling.Bench;

/// <summary>
/// kvs-local signaling against its floor, in the same run and alternating: one master and 10 viewers (each
/// viewer keeps --window offers in flight, the master answers every one) on raw ClientWebSockets ("kvs-local"),
/// the same through the library's KvsSignalingConnection ("library"), and 11 clients of a bare Kestrel echo with
/// the same window and the same message ("floor"). Reports relayed messages per second and send-to-receive
/// latency percentiles; every message is the payload the library writes for an offer or answer, its SDP the send
/// timestamp in fixed width, so all three move the same bytes.
/// </summary>
internal static class SignalingRun
{
    private const int Viewers = 10;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var seconds = args.Number("seconds", 5);
        var reps = args.Number("reps", 3);
        var window = args.Number("window", 8);
        await using var server = await KvsLocalServer.StartAsync(new KvsLocalOptions { QuotasEnabled = false }).ConfigureAwait(false);
        await using var floor = await EchoFloor.StartAsync().ConfigureAwait(false);
        using var client = new KvsSignalingClient(new KvsSignalingClientOptions
        {
            EndpointUrl = server.BaseUrl,
            Region = LocalCredentials.Region,
            Credentials = LocalCredentials.Create(),
            EnableEndpointCache = true,
        });
        var results = new Dictionary<string, List<Measurement>> { ["floor"] = [], ["kvs-local"] = [], ["library"] = [] };
        var runs = 0;
        for (var rep = 0; rep < reps; rep++)
        {
            // Rotated, so no contender always runs first or last.
            var contenders = new[] { "floor", "kvs-local", "library" };
            var order = contenders.Skip(rep % 3).Concat(contenders.Take(rep % 3)).ToArray();
            foreach (var contender in order)
            {
                // A channel per workload: messages a stopped workload left in flight are kept for absent clients and
                // would reach the next one with stale timestamps.
                var channel = contender == "floor" ? default : await CreateChannelAsync(client, ++runs).ConfigureAwait(false);
                var measured = contender switch
                {
                    "floor" => await MeasureAsync(() => EchoAsync(floor.Url, window), seconds).ConfigureAwait(false),
                    "kvs-local" => await MeasureAsync(() => SignalingAsync(channel.Master, channel.Viewer, channel.Arn, window), seconds).ConfigureAwait(false),
                    _ => await MeasureAsync(() => LibraryAsync(client, channel.Arn, window), seconds).ConfigureAwait(false),
                };
                results[contender].Add(measured);
                Console.Error.WriteLine($"{contender}: {measured.Rate:F0} messages/s, p50 {measured.P50Ms:F3} ms, p99 {measured.P99Ms:F3} ms");
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(results.ToDictionary(r => r.Key, r => new
        {
            rates = r.Value.Select(m => m.Rate).ToArray(),
            p50Ms = r.Value.Select(m => m.P50Ms).ToArray(),
            p99Ms = r.Value.Select(m => m.P99Ms).ToArray(),
        })));
        return 0;
    }

    private static async Task<(string Arn, Uri Master, Uri Viewer)> CreateChannelAsync(KvsSignalingClient client, int run)
    {
        var arn = await client.CreateSignalingChannelAsync("bench-signaling-" + run.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var master = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [ChannelProtocol.Wss]).ConfigureAwait(false);
        var viewer = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, [ChannelProtocol.Wss]).ConfigureAwait(false);
        return (arn.Value, master.Wss!, viewer.Wss!);
    }

    /// <summary>The same workload as <see cref="SignalingAsync"/>, through KvsSignalingConnection.</summary>
    private static async Task<Workload> LibraryAsync(KvsSignalingClient client, string arn, int window)
    {
        var recorder = new LatencyRecorder();
        var workload = new Workload(recorder);
        var master = await client.ConnectAsync(arn, ChannelRole.Master).ConfigureAwait(false);
        workload.Add(master, LibraryAnswerAsync(master, recorder, workload.Stopping));
        for (var i = 0; i < Viewers; i++)
        {
            var viewer = await client.ConnectAsync(arn, ChannelRole.Viewer, $"viewer-{i}").ConfigureAwait(false);
            workload.Add(viewer, LibraryPingPongAsync(viewer, recorder, window, workload.Stopping));
        }

        return workload;
    }

    private static async Task LibraryPingPongAsync(KvsSignalingConnection viewer, LatencyRecorder recorder, int window, CancellationToken stopping)
    {
        for (var i = 0; i < window; i++)
        {
            await viewer.SendSdpOfferAsync(Timestamp(), cancellationToken: stopping).ConfigureAwait(false);
        }

        await foreach (var message in viewer.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            if (message is SdpMessage { Sdp: { } sdp })
            {
                recorder.Record(long.Parse(sdp, CultureInfo.InvariantCulture));
                await viewer.SendSdpOfferAsync(Timestamp(), cancellationToken: stopping).ConfigureAwait(false);
            }
        }
    }

    private static async Task LibraryAnswerAsync(KvsSignalingConnection master, LatencyRecorder recorder, CancellationToken stopping)
    {
        await foreach (var message in master.ReadAllAsync(stopping).ConfigureAwait(false))
        {
            if (message is SdpMessage { Sdp: { } sdp, SenderClientId: { } sender })
            {
                recorder.Record(long.Parse(sdp, CultureInfo.InvariantCulture));
                await master.SendSdpAnswerAsync(Timestamp(), sender, cancellationToken: stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The send time as the SDP, in fixed width so every message has the same size.</summary>
    private static string Timestamp() => Stopwatch.GetTimestamp().ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>What the library writes for an offer or answer: <c>{"type","sdp"}</c> in base64.</summary>
    private static string Payload(string action) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"type":"{{(action == "SDP_ANSWER" ? "answer" : "offer")}}","sdp":"{{Timestamp()}}"}"""));

    /// <summary>Runs a workload: one untimed second of warm-up, then <paramref name="seconds"/> counted.</summary>
    private static async Task<Measurement> MeasureAsync(Func<Task<Workload>> start, int seconds)
    {
        var workload = await start().ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        workload.Recorder.Start();
        await Task.Delay(TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        var measurement = workload.Recorder.Stop();
        await workload.StopAsync().ConfigureAwait(false);
        return measurement;
    }

    private static async Task<Workload> EchoAsync(Uri url, int window)
    {
        var recorder = new LatencyRecorder();
        var workload = new Workload(recorder);
        for (var i = 0; i <= Viewers; i++)
        {
            var socket = await ConnectAsync(url).ConfigureAwait(false);
            workload.Add(socket, PingPongAsync(socket, recorder, window, null, workload.Stopping));
        }

        return workload;
    }

    private static async Task<Workload> SignalingAsync(Uri masterEndpoint, Uri viewerEndpoint, string arn, int window)
    {
        var recorder = new LatencyRecorder();
        var workload = new Workload(recorder);
        var master = await ConnectAsync(SignalingPresigner.Presign(masterEndpoint, arn, null)).ConfigureAwait(false);
        workload.Add(master, AnswerAsync(master, recorder, workload.Stopping));
        for (var i = 0; i < Viewers; i++)
        {
            var viewer = await ConnectAsync(SignalingPresigner.Presign(viewerEndpoint, arn, $"viewer-{i}")).ConfigureAwait(false);
            workload.Add(viewer, PingPongAsync(viewer, recorder, window, "SDP_OFFER", workload.Stopping));
        }

        return workload;
    }

    /// <summary>Keeps <paramref name="window"/> messages in flight: each one that comes back is timed and replaced.</summary>
    private static async Task PingPongAsync(ClientWebSocket socket, LatencyRecorder recorder, int window, string? action, CancellationToken stopping)
    {
        for (var i = 0; i < window; i++)
        {
            await SendAsync(socket, action ?? "SDP_OFFER", null, stopping).ConfigureAwait(false);
        }

        var buffer = new byte[16 * 1024];
        while (!stopping.IsCancellationRequested)
        {
            var (sentAt, _) = await ReceiveAsync(socket, buffer, stopping).ConfigureAwait(false);
            recorder.Record(sentAt);
            await SendAsync(socket, action ?? "SDP_OFFER", null, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>The master: times every offer and answers its sender.</summary>
    private static async Task AnswerAsync(ClientWebSocket socket, LatencyRecorder recorder, CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        while (!stopping.IsCancellationRequested)
        {
            var (sentAt, sender) = await ReceiveAsync(socket, buffer, stopping).ConfigureAwait(false);
            recorder.Record(sentAt);
            await SendAsync(socket, "SDP_ANSWER", sender, stopping).ConfigureAwait(false);
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string action, string? recipient, CancellationToken stopping)
    {
        var payload = Payload(action);
        var json = recipient is null
            ? $$"""{"action":"{{action}}","messagePayload":"{{payload}}"}"""
            : $$"""{"action":"{{action}}","recipientClientId":"{{recipient}}","messagePayload":"{{payload}}"}""";
        return socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, stopping);
    }

    private static async Task<(long SentAt, string? Sender)> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken stopping)
    {
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), stopping).ConfigureAwait(false);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        using var message = JsonDocument.Parse(buffer.AsMemory(0, count));
        var root = message.RootElement;
        using var payload = JsonDocument.Parse(Convert.FromBase64String(root.GetProperty("messagePayload").GetString()!));
        var sentAt = long.Parse(payload.RootElement.GetProperty("sdp").GetString()!, CultureInfo.InvariantCulture);
        return (sentAt, root.TryGetProperty("senderClientId", out var sender) ? sender.GetString() : null);
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None).ConfigureAwait(false);
        return socket;
    }

    private sealed record Measurement(double Rate, double P50Ms, double P99Ms);

    /// <summary>The clients of one contender and their loops; stopping cancels the loops and drops the sockets (or closes the connections).</summary>
    private sealed class Workload(LatencyRecorder recorder)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<(ClientWebSocket? Socket, KvsSignalingConnection? Connection, Task Loop)> _clients = [];

        public LatencyRecorder Recorder => recorder;

        public CancellationToken Stopping => _stop.Token;

        public void Add(ClientWebSocket socket, Task loop) => _clients.Add((socket, null, loop));

        public void Add(KvsSignalingConnection connection, Task loop) => _clients.Add((null, connection, loop));

        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            foreach (var (socket, connection, loop) in _clients)
            {
                socket?.Abort();
                try
                {
                    await loop.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or KvsSignalingException)
                {
                }

                socket?.Dispose();
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }

            _stop.Dispose();
        }
    }

    /// <summary>Send-to-receive latencies of the counted window, from every client.</summary>
    private sealed class LatencyRecorder
    {
        private readonly object _lock = new();
        private List<long>? _samples;
        private long _started;

        public void Start()
        {
            lock (_lock)
            {
                _samples = new List<long>(1 << 20);
                _started = Stopwatch.GetTimestamp();
            }
        }

        public void Record(long sentAt)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                _samples?.Add(now - sentAt);
            }
        }

        public Measurement Stop()
        {
            lock (_lock)
            {
                var samples = _samples ?? [];
                _samples = null;
                var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
                samples.Sort();
                double Percentile(double p) => samples.Count == 0 ? double.NaN
                    : samples[Math.Min(samples.Count - 1, (int)(p * samples.Count))] * 1000.0 / Stopwatch.Frequency;
                return new Measurement(samples.Count / seconds, Percentile(0.50), Percentile(0.99));
            }
        }
    }
}
