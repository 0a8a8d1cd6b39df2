namespace KvsSignaling.CodeAnalysis;

/// <summary>
/// Marks a <see cref="string"/> parameter, property or field whose value must be a signaling channel ARN (arn:&lt;partition&gt;:kinesisvideo:&lt;region&gt;:&lt;account&gt;:channel/&lt;name&gt;/&lt;creation time&gt;).
/// The KvsSignaling analyzer checks constant values passed to it at compile time.
/// </summary>
/// <remarks>The analyzer matches this attribute by name, so a project may declare its own copy in this namespace.</remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ChannelArnValueAttribute : Attribute
{
}
