using KvsSignaling.Local.Quotas;

namespace KvsSignaling.Local.Signaling;

/// <summary>The service's per-connection message quotas: SDP offers and answers 5 per second each, ICE candidates 20.</summary>
internal sealed class MessageQuotas(TimeProvider time)
{
    private readonly TokenBucket _offers = new(Limit(ClientMessage.SdpOffer), time);
    private readonly TokenBucket _answers = new(Limit(ClientMessage.SdpAnswer), time);
    private readonly TokenBucket _candidates = new(Limit(ClientMessage.IceCandidate), time);

    public static int Limit(string action) => action == ClientMessage.IceCandidate ? 20 : 5;

    public bool TryTake(string action) => action switch
    {
        ClientMessage.SdpOffer => _offers.TryTake(),
        ClientMessage.SdpAnswer => _answers.TryTake(),
        _ => _candidates.TryTake(),
    };
}
