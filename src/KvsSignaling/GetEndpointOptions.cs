namespace KvsSignaling;

/// <summary>Per-call settings of <see cref="KvsSignalingClient.GetSignalingChannelEndpointAsync"/>.</summary>
public sealed class GetEndpointOptions
{
    /// <summary>Ask the service even when the endpoint cache holds an answer; the fresh answer replaces the cached one.</summary>
    public bool BypassCache { get; set; }
}
