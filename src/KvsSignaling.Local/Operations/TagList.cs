using System.Text.Json;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>Reads a model TagList ([{Key, Value}]) and applies the service's rules for a channel's tags.</summary>
internal static class TagList
{
    /// <summary>The most tags one signaling channel may carry, as the service allows.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>The tags of a request member; a key given twice is InvalidArgumentException.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(JsonElement input, string member)
    {
        var tags = OptionalMember.Get(input, member) is { } list
            ? list.EnumerateArray().Select(t => KeyValuePair.Create(t.GetProperty("Key").GetString()!, t.GetProperty("Value").GetString()!)).ToList()
            : [];
        var duplicate = tags.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument($"Tag key '{duplicate.Key}' appears more than once in {member}."));
        }

        return tags;
    }

    /// <summary>Sets or replaces <paramref name="added"/> on <paramref name="current"/>, refusing a result of more than 50 tags.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Merge(
        IReadOnlyList<KeyValuePair<string, string>> current, IReadOnlyList<KeyValuePair<string, string>> added, string channelName)
    {
        var merged = current.Where(t => !added.Any(a => a.Key == t.Key)).Concat(added).ToList();
        if (merged.Count > MaxTagsPerResource)
        {
            throw new ServiceErrorException(ServiceError.TagsPerResourceExceededLimit(
                $"Channel '{channelName}' would have {merged.Count} tags; a signaling channel can have at most {MaxTagsPerResource}."));
        }

        return merged;
    }
}
