using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

[CollectionDefinition(nameof(FuzzTests), DisableParallelization = true)]
public sealed class FuzzCollection;

/// <summary>
/// Thousands of hostile frames and upgrades from a fixed seed, while an honest master and viewer keep
/// signaling: kvs-local keeps serving, keeps relaying, keeps its memory, and logs no secret. Runs alone,
/// so the memory it measures is its own.
/// </summary>
[Collection(nameof(FuzzTests))]
public sealed partial class FuzzTests
{
    private const int Frames = 8_000;
    private const int Upgrades = 2_500;
    private const int MaxFrameBytes = 8 * 1024;
    private const string Secret = "fuzz-secret-value";
    private const string Token = "fuzz-session-token";

    [Fact]
    public async Task Hostile_frames_and_upgrades_never_stop_kvs_local_relaying_for_honest_clients()
    {
        var logs = new CapturingLoggerProvider();
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions
        {
            QuotasEnabled = false,
            MaxFrameBytes = MaxFrameBytes,
            Credentials = [new KvsLocalCredential("ASIAFUZZ", Secret) { SessionToken = Token }],
            LoggerProvider = logs,
        }, http: null, presigner: new TestPresigner { AccessKeyId = "ASIAFUZZ", SecretAccessKey = Secret, SessionToken = Token });
        var otherArn = await setup.Client.CreateChannelAsync("other");
        var (otherMaster, _) = await SignalingSetup.WssEndpointsAsync(setup.Client, otherArn);
        await using var master = await setup.ConnectMasterAsync();
        await using var viewer = await setup.ConnectViewerAsync("honest");
        var atMaster = new ConcurrentQueue<JsonNode>();
        var masterReader = DrainAsync(master, atMaster);
        await RoundTripAsync(master, viewer, atMaster, "warm-up");
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var frames = Task.WhenAll(Enumerable.Range(0, 3).Select(i => SendHostileFramesAsync(setup, i, Frames / 3 + 1)));
        var upgrades = SendHostileUpgradesAsync(setup, otherMaster, Upgrades);
        var checks = 0;
        while (!frames.IsCompleted || !upgrades.IsCompleted)
        {
            await RoundTripAsync(master, viewer, atMaster, $"check-{checks++}");
        }

        var (framesSent, upgradeStatuses) = ((await frames).Sum(), await upgrades);
        await RoundTripAsync(master, viewer, atMaster, "final");
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(framesSent + upgradeStatuses.Count >= 10_000, $"Only {framesSent} frames and {upgradeStatuses.Count} upgrades were sent.");
        Assert.All(upgradeStatuses, status => Assert.InRange(status, 400, 599));
        Assert.True(checks > 0);
        Assert.Equal(WebSocketState.Open, master.Socket.State);
        Assert.Equal(WebSocketState.Open, viewer.Socket.State);
        Assert.Equal("MASTER", setup.Server.Admin.Connections.Single(c => c.ClientId is null).Role);

        // Nothing a refused connection sent reached the master.
        Assert.DoesNotContain(atMaster, m => ((string?)m["messagePayload"] ?? string.Empty) == ForgedPayload);
        Assert.True(memoryAfter - memoryBefore < 64L * 1024 * 1024, $"Managed memory grew from {memoryBefore} to {memoryAfter} bytes.");

        Assert.Contains(logs.Lines, line => line.Contains("Refused ConnectAs", StringComparison.Ordinal));
        Assert.All(logs.Lines, line =>
        {
            Assert.DoesNotContain(Secret, line);
            Assert.DoesNotContain(Token, line);
            Assert.DoesNotContain("X-Amz-Signature", line);
            Assert.DoesNotMatch(SignatureLike(), line);
        });

        await master.DisposeAsync();
        await masterReader;
    }

    private static string ForgedPayload => Convert.ToBase64String(Encoding.UTF8.GetBytes("forged"));

    private static async Task RoundTripAsync(SignalingTestClient master, SignalingTestClient viewer, ConcurrentQueue<JsonNode> atMaster, string marker)
    {
        await master.SendAsync(Message("SDP_OFFER", marker, "honest"));
        Assert.Equal(marker, PayloadText(await viewer.ReceiveAsync()));
        await viewer.SendAsync(Message("SDP_ANSWER", marker));
        using var timeout = new CancellationTokenSource(Patience);
        while (!atMaster.Any(m => (string?)m["senderClientId"] == "honest" && PayloadText(m) == marker))
        {
            await Task.Delay(1, timeout.Token);
        }
    }

    // The master must keep reading: fuzzing viewers may send it well-formed messages too.
    private static async Task DrainAsync(SignalingTestClient master, ConcurrentQueue<JsonNode> into)
    {
        try
        {
            while (true)
            {
                into.Enqueue(await master.ReceiveAsync());
            }
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException or WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Bursts of generated frames over raw connections as viewer fuzz-i; each burst ends with a dropped TCP connection.</summary>
    private static async Task<int> SendHostileFramesAsync(SignalingSetup setup, int worker, int count)
    {
        var generator = new FuzzFrames(seed: 1000 + worker, MaxFrameBytes);
        var sent = 0;
        while (sent < count)
        {
            var (socket, status) = await RawWebSocket.OpenAsync(setup.ViewerUrl($"fuzz-{worker}"));
            await using (socket)
            {
                Assert.Equal(101, status);
                for (var i = 0; i < 40 && sent < count; i++)
                {
                    var (_, bytes) = generator.Next();
                    sent++;
                    if (!await socket.TryWriteAsync(bytes))
                    {
                        break;
                    }
                }
            }
        }

        return sent;
    }

    /// <summary>Forged, replayed, bent and half-open upgrades; returns the HTTP status of each answered one.</summary>
    private static async Task<List<int>> SendHostileUpgradesAsync(SignalingSetup setup, string otherMaster, int count)
    {
        var random = new Random(7);
        var statuses = new List<int>();
        var halfOpen = new List<RawWebSocket>();
        var good = setup.ViewerUrl("replayed").ToString();
        var forgedFrame = RawWebSocket.Frame(0x81, Encoding.UTF8.GetBytes(Message("SDP_OFFER", "forged").ToJsonString()));
        for (var i = 0; i < count; i++)
        {
            var url = (i % 8) switch
            {
                0 => new Uri(Regex.Replace(good, "X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())))),
                1 => new Uri(good.Replace("X-Amz-ClientId=replayed", "X-Amz-ClientId=other", StringComparison.Ordinal)),
                2 => new Uri(good.Replace(new Uri(setup.ViewerEndpoint).AbsolutePath, new Uri(otherMaster).AbsolutePath, StringComparison.Ordinal)),
                3 => new TestPresigner { AccessKeyId = "ASIAFUZZ", SecretAccessKey = Secret, SessionToken = Token, SignedAt = DateTimeOffset.UtcNow.AddHours(-1) }
                    .Presign(setup.ViewerEndpoint, setup.ChannelArn, "expired"),
                4 => new Uri(good.Replace("X-Amz-Security-Token=", "X-Amz-Security-Token=x", StringComparison.Ordinal)),
                5 => new Uri(setup.ViewerEndpoint + "?" + new string((char)random.Next('a', 'z'), random.Next(1, 2000)) + "=%ZZ%" + "&X-Amz-Signature=&X-Amz-Signature=1"),
                6 => new TestPresigner { AccessKeyId = "ASIAFUZZ", SecretAccessKey = "guessed", SessionToken = Token }.Presign(setup.MasterEndpoint, setup.ChannelArn, null),
                _ => null,
            };
            if (url is null)
            {
                // Half-open: part of an upgrade request, then silence; a few stay open until the server stops.
                var partial = Encoding.ASCII.GetBytes($"GET {new Uri(good).PathAndQuery[..random.Next(5, 80)]}");
                var socket = await RawWebSocket.HalfOpenAsync(new Uri(good), partial);
                if (halfOpen.Count < 20)
                {
                    halfOpen.Add(socket);
                }
                else
                {
                    await socket.DisposeAsync();
                }

                continue;
            }

            var (raw, status) = await RawWebSocket.OpenAsync(url, pipelined: forgedFrame);
            await raw.DisposeAsync();
            statuses.Add(status);
        }

        foreach (var socket in halfOpen)
        {
            await socket.DisposeAsync();
        }

        return statuses;
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex SignatureLike();
}
