using KvsSignaling.Endpoints;

namespace KvsSignaling;

/// <summary>The AWS regions the embedded partitions (partitions.json) name, for completion and validation messages.</summary>
public static class AwsRegions
{
    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        EndpointRuleSet.Embedded.Partitions.RegionNames.OrderBy(r => r, StringComparer.Ordinal).ToArray());

    /// <summary>Every named region of every partition, sorted (for example <c>af-south-1</c> … <c>us-west-2</c>).</summary>
    public static IReadOnlyList<string> Known => Names.Value;
}
