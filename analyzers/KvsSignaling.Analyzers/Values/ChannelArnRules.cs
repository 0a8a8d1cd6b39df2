using System;

namespace KvsSignaling.Analyzers.Values;

/// <summary>
/// The service model's rules for a signaling-channel ARN (shape <c>ResourceARN</c>: 1 to 1024 characters matching
/// <c>arn:[a-z\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+</c>), checked part by part so that
/// the message can say which part is wrong. Like the model, any lower-case resource type passes (a signaling
/// channel's is <c>channel</c>).
/// </summary>
internal static class ChannelArnRules
{
    public const int MaxLength = 1024;

    private const string Prefix = "arn:";

    /// <summary>Null when the value is a well-formed channel ARN, else what is wrong with it.</summary>
    public static string? FindProblem(string value)
    {
        if (value.Length == 0)
        {
            return "the ARN is empty";
        }

        if (value.Length > MaxLength)
        {
            return $"the ARN is {value.Length} characters long, more than {MaxLength}";
        }

        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "it must start with 'arn:'";
        }

        var parts = value.Substring(Prefix.Length).Split(new[] { ':' }, 5);
        return CheckPart(parts, 0, "partition", IsLowerAlphanumericOrHyphen, "must be lower-case letters, digits or '-'")
            ?? CheckService(parts)
            ?? CheckPart(parts, 2, "region", IsLowerAlphanumericOrHyphen, "must be lower-case letters, digits or '-'")
            ?? CheckPart(parts, 3, "account id", IsDigit, "must be digits")
            ?? (parts.Length < 5 ? "the resource 'channel/<channel-name>/<creation-time>' is missing" : CheckResource(parts[4]));
    }

    private static string? CheckService(string[] parts)
    {
        if (parts.Length < 2)
        {
            return "the service is missing";
        }

        return parts[1] == "kinesisvideo" ? null : $"the service must be 'kinesisvideo', not '{parts[1]}'";
    }

    private static string? CheckResource(string resource)
    {
        var typeEnd = resource.IndexOf('/');
        var type = typeEnd < 0 ? resource : resource.Substring(0, typeEnd);
        if (type.Length == 0)
        {
            return "the resource type 'channel' is missing";
        }

        if (!All(type, IsLowerLetter))
        {
            return $"the resource type '{type}' must be lower-case letters, such as 'channel'";
        }

        if (typeEnd < 0)
        {
            return "the channel name is missing";
        }

        var rest = resource.Substring(typeEnd + 1);
        var nameEnd = rest.LastIndexOf('/');
        if (nameEnd < 0)
        {
            return rest.Length == 0 ? "the channel name is missing" : "the creation time after the channel name is missing";
        }

        var name = rest.Substring(0, nameEnd);
        var creationTime = rest.Substring(nameEnd + 1);
        if (name.Length == 0)
        {
            return "the channel name is missing";
        }

        if (!All(name, IsChannelNameCharacter))
        {
            return $"the channel name '{name}' may hold only letters, digits, '_', '.' or '-'";
        }

        if (creationTime.Length == 0)
        {
            return "the creation time after the channel name is missing";
        }

        return All(creationTime, IsDigit) ? null : $"the creation time '{creationTime}' must be digits";
    }

    private static string? CheckPart(string[] parts, int index, string name, Func<char, bool> isAllowed, string rule)
    {
        if (parts.Length <= index || parts[index].Length == 0)
        {
            return $"the {name} is missing";
        }

        return All(parts[index], isAllowed) ? null : $"the {name} '{parts[index]}' {rule}";
    }

    private static bool All(string value, Func<char, bool> isAllowed)
    {
        foreach (var c in value)
        {
            if (!isAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerLetter(char c) => c is >= 'a' and <= 'z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLowerAlphanumericOrHyphen(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';

    private static bool IsChannelNameCharacter(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '-';
}
