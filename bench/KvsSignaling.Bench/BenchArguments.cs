namespace KvsSignaling.Bench;

/// <summary>The <c>--name value</c> pairs after the command word, with typed reads that name a bad value.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public BenchArguments(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (name is null)
            {
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Unexpected argument '{arg}': options are written --name value.");
                }

                name = arg[2..];
            }
            else
            {
                _values[name] = arg;
                name = null;
            }
        }

        if (name is not null)
        {
            throw new ArgumentException($"Option --{name} needs a value.");
        }
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Option --{name} is required.");

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int Number(string name, int fallback, int min = 1)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value >= min
            ? value
            : throw new ArgumentException($"Option --{name} is '{text}': a whole number of at least {min} is allowed.");
    }

    public Uri Endpoint() =>
        Uri.TryCreate(Text("endpoint"), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"Option --endpoint is '{Text("endpoint")}': an absolute http(s) URL is allowed.");
}
