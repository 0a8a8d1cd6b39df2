using System.Collections;

namespace KvsSignaling.PowerShell.Output;

/// <summary>
/// The endpoints of one lookup. A list to scripts (index, foreach, Where-Object), and readable text where
/// PowerShell turns a value into a string (Export-Csv, ConvertTo-Csv, "$x"): "WSS wss://...; HTTPS https://...".
/// </summary>
public sealed class SignalingEndpointList : IReadOnlyList<SignalingEndpoint>
{
    private readonly SignalingEndpoint[] items;

    internal SignalingEndpointList(SignalingEndpoint[] items) => this.items = items;

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public SignalingEndpoint this[int index] => items[index];

    /// <inheritdoc />
    public IEnumerator<SignalingEndpoint> GetEnumerator() => ((IEnumerable<SignalingEndpoint>)items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Every endpoint as "PROTOCOL url", separated by "; ".</summary>
    public override string ToString() => string.Join("; ", items.Select(e => e.ToString()));
}
