using System.Text.RegularExpressions;
using KvsSignaling.Grammar;

namespace KvsSignaling;

/// <summary>
/// Constraints copied from the Kinesis Video Streams service model (kinesisvideo-2017-09-30).
/// Tests hold these to the model file, so a model change that is not mirrored here fails the build.
/// </summary>
internal static class ModelConstraints
{
    public const string ChannelNamePattern = ChannelArnGrammar.ChannelNamePattern;
    public const int ChannelNameMin = ChannelArnGrammar.ChannelNameMin;
    public const int ChannelNameMax = ChannelArnGrammar.ChannelNameMax;

    public const string VersionPattern = "[a-zA-Z0-9]+";
    public const int VersionMin = 1;
    public const int VersionMax = 64;

    public const int MessageTtlSecondsMin = 5;
    public const int MessageTtlSecondsMax = 120;

    public const string TagKeyPattern = @"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$";
    public const int TagKeyMin = 1;
    public const int TagKeyMax = 128;
    public const string TagValuePattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]*";
    public const int TagValueMin = 0;
    public const int TagValueMax = 256;
    public const int TagsOnCreateMax = 50;
    public const int TagListMin = 1;
    public const int TagListMax = 50;
    public const int TagKeyListMin = 1;
    public const int TagKeyListMax = 50;

    public const int ProtocolsMin = ChannelValueGrammar.ProtocolsMin;
    public const int ProtocolsMax = ChannelValueGrammar.ProtocolsMax;

    public static readonly Regex ChannelName = WholeValue(ChannelNamePattern, RegexOptions.ECMAScript);
    public static readonly Regex Version = WholeValue(VersionPattern, RegexOptions.ECMAScript);
    public static readonly Regex TagKey = WholeValue(TagKeyPattern, RegexOptions.None);
    public static readonly Regex TagValue = WholeValue(TagValuePattern, RegexOptions.None);

    /// <summary>
    /// Model patterns are applied to the whole value: a value that merely contains a match is rejected.
    /// ECMAScript semantics keep <c>\d</c> to ASCII digits, as the model intends; <c>\z</c> rather than <c>$</c>,
    /// because .NET's <c>$</c> also matches before a final newline.
    /// </summary>
    public static Regex WholeValue(string pattern, RegexOptions options)
    {
        return new Regex("^(?:" + pattern + @")\z", options | RegexOptions.CultureInvariant);
    }

    /// <summary>Checks a string against a model shape and throws an error naming the value and what is allowed.</summary>
    public static void Check(string? value, string paramName, string shape, Regex pattern, string patternText, int min, int max)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{shape} is required.");
        }

        if (value.Length < min || value.Length > max)
        {
            throw new ArgumentException($"{shape} '{Shorten(value)}' is {value.Length} characters long; allowed length is {min}..{max}.", paramName);
        }

        if (!pattern.IsMatch(value))
        {
            throw new ArgumentException($"{shape} '{Shorten(value)}' does not match the allowed pattern {patternText}.", paramName);
        }
    }

    /// <summary>Keeps error messages readable when a caller passes a huge value.</summary>
    public static string Shorten(string value) => value.Length <= 200 ? value : value.Substring(0, 200) + "…";
}
