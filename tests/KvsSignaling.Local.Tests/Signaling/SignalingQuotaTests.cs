using System.Net;
using KvsSignaling.Local.Tests.Auth;
using KvsSignaling.Local.Tests.Infrastructure;
using static KvsSignaling.Local.Tests.Infrastructure.SignalingTestClient;

namespace KvsSignaling.Local.Tests.Signaling;

/// <summary>
/// The data-plane quotas on a clock that moves only when the test moves it: connects 3 per second per channel,
/// SDP offers and answers 5 per second per connection, ICE candidates 20.
/// </summary>
public sealed class SignalingQuotaTests
{
    [Theory]
    [InlineData("MASTER")]
    [InlineData("VIEWER")]
    public async Task A_fourth_connect_in_a_second_on_a_channel_is_ClientLimitExceededException(string role)
    {
        var clock = new ManualTimeProvider();
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var other = await setup.Client.CreateChannelAsync("other");
        var (otherMaster, otherViewer) = await SignalingSetup.WssEndpointsAsync(setup.Client, other);
        var presigner = new TestPresigner { SignedAt = clock.GetUtcNow() };
        Uri Url(int i) => role == "MASTER" ? setup.MasterUrl(presigner) : setup.ViewerUrl($"viewer-{i}", presigner);

        var clients = new List<SignalingTestClient>();
        for (var i = 0; i < 3; i++)
        {
            clients.Add(await ConnectAsync(Url(i)));
        }

        var fourth = await UpgradeVerificationTests.GetAsync(Url(3));
        await using var elsewhere = await ConnectAsync(presigner.Presign(role == "MASTER" ? otherMaster : otherViewer, other, role == "MASTER" ? null : "viewer-x"));
        clock.Advance(TimeSpan.FromSeconds(1));
        clients.Add(await ConnectAsync(Url(4)));

        AuthenticationTests.AssertError(fourth, HttpStatusCode.BadRequest, "ClientLimitExceededException");
        Assert.Contains("3 requests per second per channel", fourth.Message);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("SDP_OFFER", 5)]
    [InlineData("SDP_ANSWER", 5)]
    [InlineData("ICE_CANDIDATE", 20)]
    public async Task Messages_over_the_per_connection_rate_get_ClientLimitExceededException(string action, int limit)
    {
        var clock = new ManualTimeProvider();
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { TimeProvider = clock });
        var presigner = new TestPresigner { SignedAt = clock.GetUtcNow() };
        await using var master = await setup.ConnectMasterAsync(presigner);
        await using var viewer = await setup.ConnectViewerAsync("viewer-1", presigner);
        await using var other = await setup.ConnectViewerAsync("viewer-2", presigner);

        for (var i = 0; i <= limit; i++)
        {
            await viewer.SendAsync(Message(action, $"m{i}", correlationId: $"c{i}"));
        }

        await other.SendAsync(Message(action, "other-connection"));
        var status = await viewer.ReceiveAsync();
        var relayed = new List<string>();
        for (var i = 0; i <= limit; i++)
        {
            relayed.Add(PayloadText(await master.ReceiveAsync()));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        await viewer.SendAsync(Message(action, "next-second"));

        Assert.Equal($"c{limit}", (string)status["statusResponse"]!["correlationId"]!);
        Assert.Equal("ClientLimitExceededException", (string)status["statusResponse"]!["errorType"]!);
        Assert.Equal(Enumerable.Range(0, limit).Select(i => $"m{i}").Append("other-connection").Order(), relayed.Order());
        Assert.Equal("next-second", PayloadText(await master.ReceiveAsync()));
    }

    [Fact]
    public async Task With_quotas_off_nothing_is_limited()
    {
        var clock = new ManualTimeProvider();
        await using var setup = await SignalingSetup.StartAsync(new KvsLocalOptions { TimeProvider = clock, QuotasEnabled = false });
        var presigner = new TestPresigner { SignedAt = clock.GetUtcNow() };
        var masters = new List<SignalingTestClient>();
        for (var i = 0; i < 5; i++)
        {
            masters.Add(await setup.ConnectMasterAsync(presigner));
        }

        await using var viewer = await setup.ConnectViewerAsync("viewer-1", presigner);
        for (var i = 0; i < 30; i++)
        {
            await viewer.SendAsync(Message("SDP_OFFER", $"m{i}", correlationId: $"c{i}"));
        }

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal($"m{i}", PayloadText(await masters[^1].ReceiveAsync()));
        }

        foreach (var master in masters)
        {
            await master.DisposeAsync();
        }
    }
}
