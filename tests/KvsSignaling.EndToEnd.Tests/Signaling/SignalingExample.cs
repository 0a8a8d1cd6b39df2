namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>
/// The signaling example of docs/core.md and src/KvsSignaling/PACKAGE.md, compiled with the tests.
/// <see cref="SignalingExampleTests"/> checks that the documentation shows exactly these lines and runs them against kvs-local.
/// </summary>
internal static class SignalingExample
{
    public static async Task AnswerOneOfferAsync(KvsSignalingClient client, ChannelArn channelArn, CancellationToken cancellationToken)
    {
        // Signaling master start
        await using var master = await client.ConnectAsync(channelArn, ChannelRole.Master, cancellationToken: cancellationToken);

        await foreach (var message in master.ReadAllAsync(cancellationToken))
        {
            if (message is SdpMessage { Type: SignalingMessageType.SdpOffer, SenderClientId: { } viewer } offer)
            {
                // A real master hands offer.Sdp to its peer connection and sends back the answer it makes.
                await master.SendSdpAnswerAsync("v=0 answer to " + viewer, viewer, cancellationToken: cancellationToken);
                break;
            }
        }
        // Signaling master end
    }

    public static async Task<string> OfferAsync(KvsSignalingClient client, ChannelArn channelArn, CancellationToken cancellationToken)
    {
        // Signaling viewer start
        await using var viewer = await client.ConnectAsync(channelArn, ChannelRole.Viewer, "viewer-1", cancellationToken: cancellationToken);
        await viewer.SendSdpOfferAsync("v=0 offer", correlationId: "offer-1", cancellationToken: cancellationToken);
        await viewer.SendIceCandidateAsync("candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host", "0", 0, cancellationToken: cancellationToken);

        await foreach (var message in viewer.ReadAllAsync(cancellationToken))
        {
            switch (message)
            {
                case SdpMessage { Type: SignalingMessageType.SdpAnswer } answer:
                    return answer.Sdp!;
                case IceCandidateMessage candidate:
                    Console.WriteLine($"add {candidate.Candidate} ({candidate.SdpMid}, {candidate.SdpMLineIndex})");
                    break;
                case ConnectionStateMessage state:
                    Console.WriteLine(state); // e.g. "Reconnecting (GoAway, attempt 1)", then "Reconnected (GoAway, attempt 1)"
                    break;
            }
        }

        throw new InvalidOperationException("The connection closed before an answer came.");
        // Signaling viewer end
    }
}
