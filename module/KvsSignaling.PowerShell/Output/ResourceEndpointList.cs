using System.Collections;

namespace KvsSignaling.PowerShell.Output;

/// <summary>
/// The endpoints of one lookup. A list to scripts (index, foreach, Where-Object), and readable text where
/// PowerShell turns a value into a string (Export-Csv, ConvertTo-Csv, "$x"): "WSS wss://...; HTTPS https://...".
/// </summary>
public sealed class ResourceEndpointList : IReadOnlyList<ResourceEndpointListItem>
{
    private readonly ResourceEndpointListItem[] items;

    internal ResourceEndpointList(ResourceEndpointListItem[] items) => this.items = items;

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public ResourceEndpointListItem this[int index] => items[index];

    /// <inheritdoc />
    public IEnumerator<ResourceEndpointListItem> GetEnumerator() => ((IEnumerable<ResourceEndpointListItem>)items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    /// <summary>Every endpoint as "PROTOCOL url", separated by "; ".</summary>
    public override string ToString() => string.Join("; ", items.Select(e => e.ToString()));
}
