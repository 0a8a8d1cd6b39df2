using System.Globalization;

namespace KvsSignaling.Local.Channels;

/// <summary>Builds channel ARNs in the service's format: arn:aws:kinesisvideo:region:account:channel/name/creation-ms.</summary>
internal static class ChannelArn
{
    public static string Create(string region, string accountId, string channelName, long creationTimeMs) =>
        $"arn:{Partition(region)}:kinesisvideo:{region}:{accountId}:channel/{channelName}/{creationTimeMs.ToString(CultureInfo.InvariantCulture)}";

    private static string Partition(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("eusc-", StringComparison.Ordinal) => "aws-eusc",
        _ => "aws",
    };
}
