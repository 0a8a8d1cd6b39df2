using System.Diagnostics.CodeAnalysis;
using KvsSignaling.CodeAnalysis;
using KvsSignaling.Grammar;

namespace KvsSignaling;

/// <summary>
/// A signaling channel ARN, validated by the service model's <c>ResourceARN</c> shape
/// (length 1..1024, pattern <c>arn:[a-z\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+</c>, applied to the whole value),
/// with a creation time that fits a 64-bit millisecond count and a region of the ARN's partition (partitions.json).
/// The rules are the ones the analyzer checks at compile time (KvsSignaling.Grammar.ChannelArnGrammar).
/// </summary>
/// <example><c>arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123</c></example>
public sealed class ChannelArn : IEquatable<ChannelArn>
{
    private const string Shape = ChannelArnGrammar.Shape;

    private ChannelArn(string value, ChannelArnParts parts)
    {
        Value = value;
        Partition = parts.Partition;
        Region = parts.Region;
        AccountId = parts.AccountId;
        ResourceType = parts.ResourceType;
        ChannelName = parts.ChannelName;
        CreationTime = parts.CreationTime;
    }

    /// <summary>The whole ARN as given.</summary>
    public string Value { get; }

    /// <summary>The partition, for example <c>aws</c>, <c>aws-cn</c> or <c>aws-us-gov</c>.</summary>
    public string Partition { get; }

    /// <summary>The region the channel lives in, for example <c>us-west-2</c>.</summary>
    public string Region { get; }

    /// <summary>The owning account id.</summary>
    public string AccountId { get; }

    /// <summary>The resource type; <c>channel</c> for signaling channels.</summary>
    public string ResourceType { get; }

    /// <summary>The channel name.</summary>
    public string ChannelName { get; }

    /// <summary>The trailing number of the ARN: the channel's creation time in milliseconds since the Unix epoch.</summary>
    public long CreationTime { get; }

    /// <summary>Parses and validates an ARN.</summary>
    /// <param name="value">The ARN.</param>
    /// <exception cref="ArgumentException">The value is not a valid ARN; the message names the value and the part that is wrong.</exception>
    public static ChannelArn Parse([ChannelArnValue] string value)
    {
        var error = TryCreate(value, out var arn);
        if (arn is not null)
        {
            return arn;
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), "A channel ARN is required; expected " + Shape + ".");
        }

        throw new ArgumentException($"'{ModelConstraints.Shorten(value)}' is not a valid signaling channel ARN: {error}", nameof(value));
    }

    /// <summary>Parses an ARN without throwing.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ChannelArn? arn)
    {
        TryCreate(value, out arn);
        return arn is not null;
    }

    /// <summary>Converts a string with <see cref="Parse(string)"/>.</summary>
    public static implicit operator ChannelArn([ChannelArnValue] string value) => Parse(value);

    /// <inheritdoc />
    public bool Equals(ChannelArn? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ChannelArn);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two ARNs by value.</summary>
    public static bool operator ==(ChannelArn? left, ChannelArn? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two ARNs by value.</summary>
    public static bool operator !=(ChannelArn? left, ChannelArn? right) => !(left == right);

    /// <summary>Validates part by part with the shared grammar, so the error can say which part is wrong.</summary>
    private static string TryCreate(string? value, out ChannelArn? arn)
    {
        arn = null;
        var problem = ChannelArnGrammar.Parse(value, out var parts);
        if (problem is not null)
        {
            return $"{problem} (expected {Shape}).";
        }

        arn = new ChannelArn(value!, parts);
        return string.Empty;
    }
}
