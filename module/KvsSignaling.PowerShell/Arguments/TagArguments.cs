using System.Collections;
using System.Globalization;
using System.Management.Automation;
using KvsSignaling.PowerShell.Errors;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>
/// Turns -Tag hashtables and -TagKey lists into what the library sends, checked against the model once in the
/// begin block: a bad tag is the same for every input, so it ends the call before any request.
/// </summary>
internal static class TagArguments
{
    /// <summary>The tags of a hashtable, in key order; a null value is an empty string, other values their invariant text.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FromHashtable(Hashtable table, string parameterName, bool allowEmpty)
    {
        var tags = new List<KeyValuePair<string, string>>(table.Count);
        foreach (DictionaryEntry entry in table)
        {
            tags.Add(new KeyValuePair<string, string>(Text(entry.Key), Text(entry.Value)));
        }

        tags.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        try
        {
            var checkedTags = KvsSignalingClient.CheckTags(tags, parameterName);
            if (!allowEmpty && checkedTags.Count < ModelConstraints.TagListMin)
            {
                throw new ArgumentException($"-{parameterName} has no tags; give 1 to {ModelConstraints.TagListMax}.", parameterName);
            }

            return checkedTags;
        }
        catch (ArgumentException exception)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(ErrorIds.InvalidTag, Message(exception, parameterName), table));
        }
    }

    /// <summary>Tag keys, checked against the model.</summary>
    public static IReadOnlyList<string> Keys(string[] keys, string parameterName)
    {
        try
        {
            return KvsSignalingClient.CheckTagKeys(keys.Distinct(StringComparer.Ordinal), parameterName);
        }
        catch (ArgumentException exception)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(ErrorIds.InvalidTag, Message(exception, parameterName), keys));
        }
    }

    // ArgumentException appends "(Parameter 'x')" to its message; the cmdlet names the parameter itself.
    private static string Message(ArgumentException exception, string parameterName)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        if (suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message.Substring(0, message.Length - suffix.Length);
        }

        return $"-{parameterName}: {message}";
    }

    private static string Text(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
    {
        null => string.Empty,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };
}
