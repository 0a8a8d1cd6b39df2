namespace KvsSignaling.EndToEnd.Tests.BadInput;

/// <summary>
/// One invalid input and the call that passes it to the client. <paramref name="BadValue"/> is what the error must
/// name; <paramref name="Allowed"/> holds texts of which the error must carry at least one (what is allowed).
/// </summary>
public sealed record BadInputCase(string Kind, string BadValue, Func<KvsSignalingClient, Task> Call, IReadOnlyList<string> Allowed)
{
    /// <summary>How a case reads in a failure message: control characters made visible, long values cut.</summary>
    public override string ToString()
    {
        var shown = BadValue.Length > 80 ? BadValue.Substring(0, 80) + $"… ({BadValue.Length} chars)" : BadValue;
        return $"{Kind}: '{string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))}'";
    }
}
