using System.Text.Json;
using System.Text.RegularExpressions;

namespace KvsSignaling.Endpoints;

/// <summary>
/// The AWS partitions (partitions.json, embedded from the contract): which partition a region belongs to and
/// that partition's DNS suffixes and capabilities, as the rules function <c>aws.partition</c> defines it.
/// </summary>
internal sealed class PartitionTable
{
    private readonly List<Partition> _partitions = new();

    private PartitionTable(JsonElement root)
    {
        foreach (var element in root.GetProperty("partitions").EnumerateArray())
        {
            var regions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (element.TryGetProperty("regions", out var regionMap))
            {
                foreach (var region in regionMap.EnumerateObject())
                {
                    regions[region.Name] = region.Value.Clone();
                }
            }

            _partitions.Add(new Partition(
                element.GetProperty("id").GetString()!,
                new Regex(element.GetProperty("regionRegex").GetString()!, RegexOptions.ECMAScript | RegexOptions.CultureInvariant),
                element.GetProperty("outputs").Clone(),
                regions));
        }
    }

    /// <summary>Every region the partitions list by name, without the "-global" pseudo regions.</summary>
    public IEnumerable<string> RegionNames =>
        _partitions.SelectMany(p => p.Regions.Keys).Where(r => !r.EndsWith("-global", StringComparison.Ordinal));

    /// <summary>Loads a table from partitions.json text.</summary>
    public static PartitionTable Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new PartitionTable(document.RootElement);
    }

    /// <summary>
    /// The partition outputs for a region: an explicitly listed region first, then the region regexes,
    /// else the <c>aws</c> partition, as the endpoint rules specification says.
    /// </summary>
    public IReadOnlyDictionary<string, object> Resolve(string region)
    {
        var match = _partitions.FirstOrDefault(p => p.Regions.ContainsKey(region))
            ?? _partitions.FirstOrDefault(p => p.RegionRegex.IsMatch(region))
            ?? _partitions.First(p => p.Id == "aws");

        var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
        Copy(match.Outputs, outputs);
        if (match.Regions.TryGetValue(region, out var overrides))
        {
            Copy(overrides, outputs);
        }

        return outputs;
    }

    private static void Copy(JsonElement source, Dictionary<string, object> target)
    {
        foreach (var property in source.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    target[property.Name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.True:
                case JsonValueKind.False:
                    target[property.Name] = property.Value.GetBoolean();
                    break;
            }
        }
    }

    private sealed class Partition
    {
        public Partition(string id, Regex regionRegex, JsonElement outputs, Dictionary<string, JsonElement> regions)
        {
            Id = id;
            RegionRegex = regionRegex;
            Outputs = outputs;
            Regions = regions;
        }

        public string Id { get; }

        public Regex RegionRegex { get; }

        public JsonElement Outputs { get; }

        public Dictionary<string, JsonElement> Regions { get; }
    }
}
