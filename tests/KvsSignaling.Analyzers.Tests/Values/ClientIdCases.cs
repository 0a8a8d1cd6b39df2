// Compiled into KvsSignaling.Analyzers.Tests and KvsSignaling.Tests (linked), so that rule KVS1007 and the client's
// CheckClientId are held to the same table: each must accept exactly the valid ids and name the same problem.
namespace KvsSignaling.TestCases;

/// <summary>Client ids and what the signaling service makes of them: null when it accepts the id, else the problem.</summary>
internal static class ClientIdCases
{
    private const string NotAllowed = "is not a letter, digit, '_', '.' or '-'";

    public static readonly IReadOnlyList<(string Id, string? Problem)> All =
    [
        ("a", null),
        ("7", null),
        ("-", null),
        ("viewer-1", null),
        ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", null),
        (new string('a', 256), null),
        ("AWS", null),
        ("AWS-viewer", null),
        ("AWSviewer", null),
        ("aws_viewer", null),
        ("Aws_viewer", null),
        ("viewer_AWS_", null),
        ("", "it is empty"),
        (new string('a', 257), "it is 257 characters long, more than 256"),
        (new string(' ', 300), "it is 300 characters long, more than 256"),
        ("has space", $"the character ' ' (U+0020) at position 4 {NotAllowed}"),
        (" viewer", $"the character ' ' (U+0020) at position 1 {NotAllowed}"),
        ("ünïcode", $"the character 'ü' (U+00FC) at position 1 {NotAllowed}"),
        ("viewer\u00A0", $"the character '\u00A0' (U+00A0) at position 7 {NotAllowed}"),
        ("viewer😀", $"the character '😀' (U+1F600) at position 7 {NotAllowed}"),
        ("viewer\uD800", $"the character '\\uD800' (U+D800) at position 7 {NotAllowed}"),
        ("a\nb", $"the character '\\n' (U+000A) at position 2 {NotAllowed}"),
        ("viewer-1\n", $"the character '\\n' (U+000A) at position 9 {NotAllowed}"),
        ("a\0b", $"the character '\\0' (U+0000) at position 2 {NotAllowed}"),
        ("a\u001Bb", $"the character '\\u001B' (U+001B) at position 2 {NotAllowed}"),
        ("a/b", $"the character '/' (U+002F) at position 2 {NotAllowed}"),
        ("a:b", $"the character ':' (U+003A) at position 2 {NotAllowed}"),
        ("a@b", $"the character '@' (U+0040) at position 2 {NotAllowed}"),
        ("AWS_x", "it starts with AWS_, which the service reserves"),
        ("AWS_", "it starts with AWS_, which the service reserves"),
        ("AWS_" + new string('a', 252), "it starts with AWS_, which the service reserves"),
        ("AWS_ x", $"the character ' ' (U+0020) at position 5 {NotAllowed}"),
    ];

    /// <summary>
    /// The positions of the cases in <see cref="All"/>, as theory data: xunit passes the values of theory data through
    /// a serializer that turns half a surrogate pair into U+FFFD, so the tests look each case up by its position.
    /// </summary>
    public static IEnumerable<int> Indexes => Enumerable.Range(0, All.Count);

    /// <summary>The ids the model's ClientId shape allows but the service does not: only those with the reserved prefix.</summary>
    public static bool IsReservedOnly(string? problem) => problem is not null && problem.StartsWith("it starts with AWS_", StringComparison.Ordinal);
}
