using System;

namespace KvsSignaling.Analyzers.Values;

/// <summary>Levenshtein distance, cut short once it exceeds a limit: the values compared are a few letters long.</summary>
internal static class EditDistance
{
    /// <summary>The edit distance between the strings, or <c>limit + 1</c> when it is larger than <paramref name="limit"/>.</summary>
    public static int Compute(string source, string target, int limit)
    {
        if (Math.Abs(source.Length - target.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= target.Length; j++)
            {
                var substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[target.Length], limit + 1);
    }
}
