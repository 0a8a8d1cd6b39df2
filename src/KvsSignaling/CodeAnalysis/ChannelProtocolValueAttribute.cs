namespace KvsSignaling.CodeAnalysis;

/// <summary>
/// Marks a <see cref="string"/> parameter, property or field whose value must be a signaling channel protocol (WSS, HTTPS or WEBRTC).
/// The KvsSignaling analyzer checks constant values passed to it at compile time.
/// </summary>
/// <remarks>The analyzer matches this attribute by name, so a project may declare its own copy in this namespace.</remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ChannelProtocolValueAttribute : Attribute
{
}
