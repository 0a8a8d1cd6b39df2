// The one statement of what the service accepts for a role, a protocol, a protocol list and a channel ARN.
// Compiled into both the KvsSignaling library and its analyzer (KvsSignaling.Analyzers.csproj links this file),
// so the run-time checks and the compile-time checks cannot disagree. It depends on nothing beyond the base
// library of netstandard2.0: the analyzer loads into compilers that carry nothing else.
// Tests hold every constant here to src/Contract (kinesisvideo-2017-09-30.service.json, partitions.json).
using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace KvsSignaling.Grammar
{
    /// <summary>The enumerated values of the model (<c>ChannelRole</c>, <c>ChannelProtocol</c>) and the bounds of <c>ListOfProtocols</c>.</summary>
    internal static class ChannelValueGrammar
    {
        /// <summary>The model's <c>ChannelRole</c> enum, in model order.</summary>
        public static readonly IReadOnlyList<string> Roles = new[] { "MASTER", "VIEWER" };

        /// <summary>The model's <c>ChannelProtocol</c> enum, in model order.</summary>
        public static readonly IReadOnlyList<string> Protocols = new[] { "WSS", "HTTPS", "WEBRTC" };

        /// <summary>The model's <c>ListOfProtocols</c> bounds.</summary>
        public const int ProtocolsMin = 1;

        /// <summary>The model's <c>ListOfProtocols</c> bounds.</summary>
        public const int ProtocolsMax = 5;

        /// <summary>"MASTER, VIEWER": the allowed values as a list, for messages.</summary>
        public static string ListOf(IReadOnlyList<string> values) => string.Join(", ", values);

        /// <summary>"WSS, HTTPS or WEBRTC": the allowed values as a choice, for messages.</summary>
        public static string ChoiceOf(IReadOnlyList<string> values)
        {
            var text = new StringBuilder();
            for (var i = 0; i < values.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : i == values.Count - 1 ? " or " : ", ").Append(values[i]);
            }

            return text.ToString();
        }

        /// <summary>The allowed value equal to <paramref name="value"/> ignoring case, or null.</summary>
        public static string? MatchIgnoringCase(IReadOnlyList<string> allowed, string? value)
        {
            foreach (var candidate in allowed)
            {
                if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>
        /// Null when a protocol list of <paramref name="count"/> entries fits the model's bounds, else what is wrong,
        /// e.g. "6 protocols were given; allowed: 1..5".
        /// </summary>
        public static string? ProtocolCountProblem(int count) =>
            count == 0 ? $"0 protocols were given; at least one protocol is required, allowed: {ProtocolsMin}..{ProtocolsMax} of {ListOf(Protocols)}"
            : count < ProtocolsMin || count > ProtocolsMax ? $"{count} protocols were given; allowed: {ProtocolsMin}..{ProtocolsMax} of {ListOf(Protocols)}"
            : null;

        /// <summary>The message of a protocol listed twice (the service takes each protocol once).</summary>
        public static string DuplicateProtocolProblem(string protocol) =>
            $"Protocol '{protocol}' is listed more than once; each of {ListOf(Protocols)} may appear once";

        /// <summary>
        /// A value as it can be shown in one line of a build log or an error message: control characters (newline,
        /// NUL, …), line separators and halves of surrogate pairs standing alone (which UTF-8 logs cannot carry)
        /// written as escapes (<c>\n</c>, <c>\0</c>, <c>\u001B</c>, <c>\uD800</c>).
        /// </summary>
        public static string Printable(string value)
        {
            var plain = true;
            for (var i = 0; i < value.Length; i++)
            {
                plain &= !NeedsEscape(value, i);
            }

            if (plain)
            {
                return value;
            }

            var text = new StringBuilder(value.Length + 8);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\0': text.Append("\\0"); break;
                    default:
                        if (NeedsEscape(value, i))
                        {
                            text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            return text.ToString();
        }

        private static bool NeedsEscape(string value, int index)
        {
            var c = value[index];
            return char.IsControl(c) || c is '\u2028' or '\u2029'
                || (char.IsHighSurrogate(c) && (index + 1 == value.Length || !char.IsLowSurrogate(value[index + 1])))
                || (char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(value[index - 1])));
        }
    }

    /// <summary>The parts of a well-formed signaling-channel ARN.</summary>
    internal readonly struct ChannelArnParts
    {
        public ChannelArnParts(string partition, string region, string accountId, string resourceType, string channelName, long creationTime)
        {
            Partition = partition;
            Region = region;
            AccountId = accountId;
            ResourceType = resourceType;
            ChannelName = channelName;
            CreationTime = creationTime;
        }

        public string Partition { get; }

        public string Region { get; }

        public string AccountId { get; }

        public string ResourceType { get; }

        public string ChannelName { get; }

        public long CreationTime { get; }
    }

    /// <summary>
    /// The model's rules for a signaling-channel ARN (shape <c>ResourceARN</c>: 1 to 1024 characters matching
    /// <see cref="Pattern"/> as a whole), checked part by part so that the message can say which part is wrong, plus
    /// what the pattern cannot say: the creation time is a 64-bit millisecond count, and the region belongs to the
    /// ARN's partition (partitions.json). Unlike the model's pattern, which any lower-case resource type passes, the
    /// resource must be a <c>channel</c>, and its name within the model's <c>ChannelName</c> length.
    /// </summary>
    internal static class ChannelArnGrammar
    {
        /// <summary>The model's <c>ResourceARN</c> pattern.</summary>
        public const string Pattern = @"arn:[a-z\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+";

        /// <summary>The model's <c>ResourceARN</c> length bounds.</summary>
        public const int MinLength = 1;

        /// <summary>The model's <c>ResourceARN</c> length bounds.</summary>
        public const int MaxLength = 1024;

        /// <summary>The model's <c>ChannelName</c> pattern and length bounds (a name given on its own, as to CreateSignalingChannel).</summary>
        public const string ChannelNamePattern = "[a-zA-Z0-9_.-]+";

        /// <summary>The model's <c>ChannelName</c> length bounds.</summary>
        public const int ChannelNameMin = 1;

        /// <summary>The model's <c>ChannelName</c> length bounds.</summary>
        public const int ChannelNameMax = 256;

        /// <summary>How an ARN is written, for messages.</summary>
        public const string Shape = "arn:<partition>:kinesisvideo:<region>:<account-id>:channel/<channel-name>/<creation-time>";

        private const string Prefix = "arn:";
        private const string Service = "kinesisvideo";

        /// <summary>The partitions of partitions.json: their ids, region patterns and listed regions.</summary>
        internal static readonly IReadOnlyList<Partition> Partitions = new[]
        {
            new Partition("aws", @"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$", "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"),
            new Partition("aws-cn", @"^cn\-\w+\-\d+$", "aws-cn-global", "cn-north-1", "cn-northwest-1"),
            new Partition("aws-eusc", @"^eusc\-(de)\-\w+\-\d+$", "eusc-de-east-1"),
            new Partition("aws-iso", @"^us\-iso\-\w+\-\d+$", "aws-iso-global", "us-iso-east-1", "us-iso-west-1"),
            new Partition("aws-iso-b", @"^us\-isob\-\w+\-\d+$", "aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"),
            new Partition("aws-iso-e", @"^eu\-isoe\-\w+\-\d+$", "aws-iso-e-global", "eu-isoe-west-1"),
            new Partition("aws-iso-f", @"^us\-isof\-\w+\-\d+$", "aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"),
            new Partition("aws-us-gov", @"^us\-gov\-\w+\-\d+$", "aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"),
        };

        /// <summary>Null when the value is a well-formed channel ARN, else what is wrong with it (no final period).</summary>
        public static string? FindProblem(string? value) => Parse(value, out _);

        /// <summary>Parses an ARN; returns null and the parts when it is well formed, else what is wrong with it.</summary>
        public static string? Parse(string? value, out ChannelArnParts parts)
        {
            parts = default;
            if (value is null)
            {
                return "the ARN is null";
            }

            if (value.Length < MinLength)
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

            var part = value.Substring(Prefix.Length).Split(new[] { ':' }, 5);
            var problem = CheckPart(part, 0, "partition", IsLowerAlphanumericOrHyphen, "must be lower-case letters, digits or '-'")
                ?? CheckService(part)
                ?? CheckPart(part, 2, "region", IsLowerAlphanumericOrHyphen, "must be lower-case letters, digits or '-'")
                ?? CheckPart(part, 3, "account id", IsDigit, "must be digits");
            if (problem is not null)
            {
                return problem;
            }

            if (part.Length < 5)
            {
                return "the resource 'channel/<channel-name>/<creation-time>' is missing";
            }

            problem = CheckResource(part[4], out var type, out var name, out var creationTime)
                ?? CheckPartition(part[0], part[2]);
            if (problem is null)
            {
                parts = new ChannelArnParts(part[0], part[2], part[3], type, name, creationTime);
            }

            return problem;
        }

        /// <summary>Null when <paramref name="region"/> belongs to <paramref name="partition"/> by partitions.json, else why not.</summary>
        public static string? CheckPartition(string partition, string region)
        {
            foreach (var candidate in Partitions)
            {
                if (candidate.Id == partition)
                {
                    return candidate.Contains(region)
                        ? null
                        : $"the region '{region}' is not in the partition '{partition}'" + PartitionOf(region);
                }
            }

            var ids = new string[Partitions.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Partitions[i].Id;
            }

            return $"the partition '{partition}' is none of {ChannelValueGrammar.ListOf(ids)}";
        }

        private static string PartitionOf(string region)
        {
            foreach (var candidate in Partitions)
            {
                if (candidate.Contains(region))
                {
                    return $" (it is in '{candidate.Id}')";
                }
            }

            return string.Empty;
        }

        private static string? CheckService(string[] parts)
        {
            if (parts.Length < 2 || parts[1].Length == 0)
            {
                return "the service is missing";
            }

            return parts[1] == Service ? null : $"the service '{parts[1]}' must be '{Service}'";
        }

        private static string? CheckResource(string resource, out string type, out string name, out long creationTime)
        {
            name = string.Empty;
            creationTime = 0;
            var typeEnd = resource.IndexOf('/');
            type = typeEnd < 0 ? resource : resource.Substring(0, typeEnd);
            if (type.Length == 0)
            {
                return "the resource type 'channel' is missing";
            }

            if (!All(type, IsLowerLetter))
            {
                return $"the resource type '{type}' must be lower-case letters, such as 'channel'";
            }

            // The model's pattern lets any lower-case type through (streams share it); only 'channel' names a
            // signaling channel, and the service answers any other with ResourceNotFoundException.
            if (type != "channel")
            {
                return $"the resource type is '{type}', not 'channel': this is not a signaling channel's ARN";
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

            // channel/<name>/<time>/: the last segment is empty, the one before it a number.
            if (nameEnd == rest.Length - 1)
            {
                var before = rest.LastIndexOf('/', nameEnd - 1 < 0 ? 0 : nameEnd - 1);
                if (before > 0 && before < nameEnd - 1 && All(rest.Substring(before + 1, nameEnd - before - 1), IsDigit))
                {
                    return "an extra segment follows the creation time (a trailing '/')";
                }
            }

            name = rest.Substring(0, nameEnd);
            var time = rest.Substring(nameEnd + 1);
            if (name.Length == 0)
            {
                return "the channel name is missing";
            }

            if (!All(name, IsChannelNameCharacter))
            {
                return $"the channel name '{name}' may hold only letters, digits, '_', '.' or '-'";
            }

            if (name.Length > ChannelNameMax)
            {
                return $"the channel name is {name.Length} characters long; allowed: {ChannelNameMin} to {ChannelNameMax}, as for CreateSignalingChannel";
            }

            if (time.Length == 0)
            {
                return "the creation time after the channel name is missing";
            }

            if (!All(time, IsDigit))
            {
                return $"the creation time '{time}' must be digits";
            }

            return TryParseMilliseconds(time, out creationTime)
                ? null
                : $"the creation time '{time}' is too large for a millisecond timestamp; allowed: at most {long.MaxValue}";
        }

        private static bool TryParseMilliseconds(string digits, out long value)
        {
            value = 0;
            foreach (var c in digits)
            {
                var digit = c - '0';
                if (value > (long.MaxValue - digit) / 10)
                {
                    return false;
                }

                value = (value * 10) + digit;
            }

            return true;
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

        /// <summary>A partition of partitions.json.</summary>
        internal sealed class Partition
        {
            private readonly Regex _regionPattern;

            public Partition(string id, string regionRegex, params string[] regions)
            {
                Id = id;
                RegionRegex = regionRegex;
                Regions = regions;
                // ECMAScript keeps \w and \d to ASCII, as the partition file means them.
                _regionPattern = new Regex(regionRegex, RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
            }

            public string Id { get; }

            public string RegionRegex { get; }

            public IReadOnlyList<string> Regions { get; }

            public bool Contains(string region) => Array.IndexOf((string[])Regions, region) >= 0 || _regionPattern.IsMatch(region);
        }
    }
}
