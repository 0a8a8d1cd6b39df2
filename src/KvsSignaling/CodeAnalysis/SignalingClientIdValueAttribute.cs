namespace KvsSignaling.CodeAnalysis;

/// <summary>
/// Marks a <see cref="string"/> parameter, property or field whose value must be a signaling client id: 1 to 256 characters of <c>[a-zA-Z0-9_.-]</c>, not starting with <c>AWS_</c>.
/// The KvsSignaling analyzer checks constant values passed to it at compile time (rule KVS1007); <see langword="null"/> is left alone.
/// </summary>
/// <remarks>The analyzer matches this attribute by name, so a project may declare its own copy in this namespace.</remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class SignalingClientIdValueAttribute : Attribute
{
}
