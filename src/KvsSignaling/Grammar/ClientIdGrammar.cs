// The one statement of what the signaling service accepts as a client id (a viewer's X-Amz-ClientId, the ClientId
// of GetIceServerConfig). Compiled into both the KvsSignaling library and its analyzer (KvsSignaling.Analyzers.csproj
// links this file, as it links ChannelArnGrammar.cs), so that KvsSignalingClient.CheckClientId and rule KVS1007 accept
// and refuse the same values, with the same words. It depends on nothing beyond the base library of netstandard2.0.
// Tests hold the constants to src/Contract (kinesis-video-signaling-2019-12-04.service.json, shape ClientId).
using System.Globalization;

namespace KvsSignaling.Grammar
{
    /// <summary>
    /// The model's <c>ClientId</c> shape (1 to 256 characters matching <see cref="Pattern"/> as a whole), plus the
    /// prefix the service reserves for itself (<see cref="ReservedPrefix"/>), which the model does not say.
    /// </summary>
    internal static class ClientIdGrammar
    {
        /// <summary>The model's <c>ClientId</c> pattern.</summary>
        public const string Pattern = "[a-zA-Z0-9_.-]+";

        /// <summary>The model's <c>ClientId</c> length bounds.</summary>
        public const int MinLength = 1;

        /// <summary>The model's <c>ClientId</c> length bounds.</summary>
        public const int MaxLength = 256;

        /// <summary>The prefix of the ids the service gives its own peers; it refuses a client id that starts with it.</summary>
        public const string ReservedPrefix = "AWS_";

        /// <summary>What a client id may be, for messages.</summary>
        public const string Allowed = "1 to 256 characters of [a-zA-Z0-9_.-], not starting with AWS_";

        /// <summary>
        /// The message of a refused client id: {0} is the value as shown (on one line, shortened), {1} the problem
        /// <see cref="FindProblem"/> gives. The analyzer's KVS1007 and the library's errors both use it.
        /// </summary>
        public const string MessageFormat = "'{0}' is not a valid signaling client id: {1} (allowed: " + Allowed + ")";

        /// <summary>The message of a refused client id, as <see cref="MessageFormat"/> words it.</summary>
        public static string Message(string shownValue, string problem) =>
            string.Format(CultureInfo.InvariantCulture, MessageFormat, shownValue, problem);

        /// <summary>
        /// Null when the service accepts <paramref name="value"/> as a client id, else which constraint it fails (no
        /// final period): its length, the first character outside the pattern, or the reserved prefix.
        /// </summary>
        public static string? FindProblem(string? value)
        {
            if (value is null)
            {
                return "the client id is null";
            }

            if (value.Length < MinLength)
            {
                return "it is empty";
            }

            if (value.Length > MaxLength)
            {
                return $"it is {value.Length} characters long, more than {MaxLength}";
            }

            for (var i = 0; i < value.Length; i++)
            {
                if (!IsAllowed(value[i]))
                {
                    return $"the character {Describe(value, i)} at position {i + 1} is not a letter, digit, '_', '.' or '-'";
                }
            }

            return value.StartsWith(ReservedPrefix, System.StringComparison.Ordinal)
                ? $"it starts with {ReservedPrefix}, which the service reserves"
                : null;
        }

        private static bool IsAllowed(char c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '-';

        /// <summary>'é' (U+00E9), '\n' (U+000A), an emoji (U+1F600): the character as shown on one line, and its code point.</summary>
        private static string Describe(string value, int index)
        {
            var text = char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
                ? value.Substring(index, 2)
                : value.Substring(index, 1);
            var codePoint = text.Length == 2 ? char.ConvertToUtf32(text[0], text[1]) : text[0];
            return "'" + ChannelValueGrammar.Printable(text) + "' (U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture) + ")";
        }
    }
}
