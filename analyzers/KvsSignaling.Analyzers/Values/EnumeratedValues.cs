using System;
using System.Collections.Generic;
using KvsSignaling.Grammar;

namespace KvsSignaling.Analyzers.Values;

/// <summary>
/// The values the service accepts for an enumerated shape (<c>ChannelRole</c>, <c>ChannelProtocol</c>) and the
/// allowed value a rejected one most likely meant.
/// </summary>
internal sealed class EnumeratedValues
{
    public static EnumeratedValues Roles { get; } = new(ChannelValueGrammar.Roles);

    public static EnumeratedValues Protocols { get; } = new(ChannelValueGrammar.Protocols);

    private readonly IReadOnlyList<string> _allowed;

    private EnumeratedValues(IReadOnlyList<string> allowed) => _allowed = allowed;

    /// <summary>The allowed values, in model order.</summary>
    public IReadOnlyList<string> Allowed => _allowed;

    /// <summary>True when the service accepts the value as it is: the service compares case-sensitively.</summary>
    public bool IsAllowed(string value)
    {
        foreach (var allowed in _allowed)
        {
            if (string.Equals(allowed, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The allowed value whose name matches <paramref name="name"/> ignoring case, e.g. <c>WebRtc</c> → <c>WEBRTC</c>.</summary>
    public string? MatchIgnoringCase(string name) => ChannelValueGrammar.MatchIgnoringCase(_allowed, name);

    /// <summary>
    /// The allowed value a rejected one most likely meant: the same letters in another case, else the single
    /// nearest value within a small edit distance (one edit for three-letter values, two for longer ones).
    /// Null when no value is clearly meant.
    /// </summary>
    public string? Suggest(string value)
    {
        var sameLetters = MatchIgnoringCase(value);
        if (sameLetters is not null)
        {
            return sameLetters;
        }

        var upper = value.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var allowed in _allowed)
        {
            var limit = allowed.Length <= 3 ? 1 : 2;
            var distance = EditDistance.Compute(upper, allowed, limit);
            if (distance > limit)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                best = allowed;
                bestDistance = distance;
                tie = false;
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }
}
