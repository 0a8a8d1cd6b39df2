using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KvsSignaling.Local;

namespace KvsSignaling.Bench;

/// <summary>
/// kvs-local signaling against its floor, in the same run and alternating: one master and 10 viewers (each
/// viewer keeps --window offers in flight, the master answers every one) versus 11 clients of a bare Kestrel
/// echo with the same window and the same message. Reports relayed messages per second and send-to-receive
/// latency percentiles; the payload carries the send timestamp.
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
        var (arn, masterEndpoint, viewerEndpoint) = await CreateChannelAsync(server).ConfigureAwait(false);
        var results = new Dictionary<string, List<Measurement>> { ["floor"] = [], ["kvs-local"] = [] };
        for (var rep = 0; rep < reps; rep++)
        {
            var order = rep % 2 == 0 ? new[] { "floor", "kvs-local" } : ["kvs-local", "floor"];
            foreach (var contender in order)
            {
                var measured = contender == "floor"
                    ? await MeasureAsync(() => EchoAsync(floor.Url, window), seconds).ConfigureAwait(false)
                    : await MeasureAsync(() => SignalingAsync(masterEndpoint, viewerEndpoint, arn, window), seconds).ConfigureAwait(false);
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

    private static async Task<(string Arn, Uri Master, Uri Viewer)> CreateChannelAsync(KvsLocalServer server)
    {
        using var client = new KvsSignalingClient(new KvsSignalingClientOptions
        {
            EndpointUrl = server.BaseUrl,
            Region = LocalCredentials.Region,
            Credentials = LocalCredentials.Create(),
        });
        var arn = await client.CreateSignalingChannelAsync("bench-signaling").ConfigureAwait(false);
        var master = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master, [ChannelProtocol.Wss]).ConfigureAwait(false);
        var viewer = await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Viewer, [ChannelProtocol.Wss]).ConfigureAwait(false);
        return (arn.Value, master.Wss!, viewer.Wss!);
    }

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
        var payload = Convert.ToBase64String(BitConverter.GetBytes(Stopwatch.GetTimestamp()));
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
        var sentAt = BitConverter.ToInt64(Convert.FromBase64String(root.GetProperty("messagePayload").GetString()!));
        return (sentAt, root.TryGetProperty("senderClientId", out var sender) ? sender.GetString() : null);
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None).ConfigureAwait(false);
        return socket;
    }

    private sealed record Measurement(double Rate, double P50Ms, double P99Ms);

    /// <summary>The clients of one contender and their loops; stopping cancels the loops and drops the sockets.</summary>
    private sealed class Workload(LatencyRecorder recorder)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<(ClientWebSocket Socket, Task Loop)> _clients = [];

        public LatencyRecorder Recorder => recorder;

        public CancellationToken Stopping => _stop.Token;

        public void Add(ClientWebSocket socket, Task loop) => _clients.Add((socket, loop));

        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            foreach (var (socket, loop) in _clients)
            {
                socket.Abort();
                try
                {
                    await loop.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                }

                socket.Dispose();
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
