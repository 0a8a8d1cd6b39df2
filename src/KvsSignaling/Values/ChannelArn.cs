using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using KvsSignaling.CodeAnalysis;

namespace KvsSignaling;

/// <summary>
/// A signaling channel ARN, validated by the service model's <c>ResourceARN</c> shape
/// (length 1..1024, pattern <c>arn:[a-z\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+</c>, applied to the whole value).
/// </summary>
/// <example><c>arn:aws:kinesisvideo:us-west-2:123456789012:channel/my-channel/1234567890123</c></example>
public sealed class ChannelArn : IEquatable<ChannelArn>
{
    private const string Shape = "arn:<partition>:kinesisvideo:<region>:<account id>:channel/<channel name>/<creation time>";
    private static readonly Regex PartitionPart = ModelConstraints.WholeValue(@"[a-z\d-]+", RegexOptions.ECMAScript);
    private static readonly Regex RegionPart = ModelConstraints.WholeValue("[a-z0-9-]+", RegexOptions.ECMAScript);
    private static readonly Regex DigitsPart = ModelConstraints.WholeValue("[0-9]+", RegexOptions.ECMAScript);
    private static readonly Regex ResourceTypePart = ModelConstraints.WholeValue("[a-z]+", RegexOptions.ECMAScript);

    private ChannelArn(string value, string[] parts, string[] resource, long creationTime)
    {
        Value = value;
        Partition = parts[1];
        Region = parts[3];
        AccountId = parts[4];
        ResourceType = resource[0];
        ChannelName = resource[1];
        CreationTime = creationTime;
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

    /// <summary>Validates part by part so the error can say which part is wrong.</summary>
    private static string TryCreate(string? value, out ChannelArn? arn)
    {
        arn = null;
        if (value is null)
        {
            return "the value is null.";
        }

        if (value.Length < ModelConstraints.ResourceArnMin || value.Length > ModelConstraints.ResourceArnMax)
        {
            return $"its length is {value.Length}; allowed length is {ModelConstraints.ResourceArnMin}..{ModelConstraints.ResourceArnMax}.";
        }

        var parts = value.Split(':');
        if (parts.Length != 6)
        {
            return $"expected 6 colon-separated parts ({Shape}), found {parts.Length}.";
        }

        if (parts[0] != "arn")
        {
            return $"it must start with 'arn:', found '{parts[0]}:'.";
        }

        if (!PartitionPart.IsMatch(parts[1]))
        {
            return $"the partition '{parts[1]}' must be lower-case letters, digits and '-'.";
        }

        if (parts[2] != "kinesisvideo")
        {
            return $"the service '{parts[2]}' must be 'kinesisvideo'.";
        }

        if (!RegionPart.IsMatch(parts[3]))
        {
            return $"the region '{parts[3]}' must be lower-case letters, digits and '-'.";
        }

        if (!DigitsPart.IsMatch(parts[4]))
        {
            return $"the account id '{parts[4]}' must be digits.";
        }

        var resource = parts[5].Split('/');
        if (resource.Length != 3)
        {
            return $"the resource '{parts[5]}' must be <type>/<channel name>/<creation time>.";
        }

        if (!ResourceTypePart.IsMatch(resource[0]))
        {
            return $"the resource type '{resource[0]}' must be lower-case letters (for example 'channel').";
        }

        if (!ModelConstraints.ChannelName.IsMatch(resource[1]))
        {
            return $"the channel name '{resource[1]}' must be letters, digits, '_', '.' and '-'.";
        }

        if (!DigitsPart.IsMatch(resource[2]))
        {
            return $"the creation time '{resource[2]}' must be digits.";
        }

        if (!long.TryParse(resource[2], NumberStyles.None, CultureInfo.InvariantCulture, out var creationTime))
        {
            return $"the creation time '{resource[2]}' is too large for a millisecond timestamp; allowed: at most {long.MaxValue}.";
        }

        if (!ModelConstraints.ResourceArn.IsMatch(value))
        {
            return $"it does not match the allowed pattern {ModelConstraints.ResourceArnPattern}.";
        }

        arn = new ChannelArn(value, parts, resource, creationTime);
        return string.Empty;
    }
}
