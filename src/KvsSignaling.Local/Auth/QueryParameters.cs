namespace KvsSignaling.Local.Auth;

/// <summary>A raw query string split into decoded parameters, keeping the raw parts so a signature can be left out of the canonical query.</summary>
internal sealed class QueryParameters
{
    private readonly List<(string Key, string Value, string Raw)> _parts = [];

    public QueryParameters(string rawQuery)
    {
        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var key = UriEncoding.DecodeQueryComponent(equals < 0 ? part : part[..equals]);
            var value = UriEncoding.DecodeQueryComponent(equals < 0 ? string.Empty : part[(equals + 1)..]);
            _parts.Add((key, value, part));
        }
    }

    /// <summary>Whether any parameter has this (case-sensitive) name.</summary>
    public bool Contains(string key) => _parts.Exists(p => p.Key == key);

    /// <summary>How many times the parameter occurs.</summary>
    public int Count(string key) => _parts.Count(p => p.Key == key);

    /// <summary>The first value of the parameter, or null when it is absent.</summary>
    public string? Value(string key) => _parts.Find(p => p.Key == key).Value;

    /// <summary>The raw query without the named parameter, wherever it stood.</summary>
    public string RawWithout(string key) => string.Join('&', _parts.Where(p => p.Key != key).Select(p => p.Raw));
}
