using System.Diagnostics.CodeAnalysis;
using KvsSignaling.CodeAnalysis;
using KvsSignaling.Grammar;

namespace KvsSignaling;

/// <summary>
/// A protocol a signaling channel endpoint can speak (the model's <c>ChannelProtocol</c>: <c>WSS</c>, <c>HTTPS</c> or <c>WEBRTC</c>).
/// </summary>
/// <remarks>
/// Strings convert implicitly (case-insensitive). <c>default(ChannelProtocol)</c> holds no protocol; every client call rejects it.
/// </remarks>
public readonly struct ChannelProtocol : IEquatable<ChannelProtocol>
{
    private readonly string? _value;

    private ChannelProtocol(string value) => _value = value;

    /// <summary>Secure WebSocket: the signaling connection itself.</summary>
    public static readonly ChannelProtocol Wss = new("WSS");

    /// <summary>HTTPS: the data-plane endpoint for <c>GetIceServerConfig</c>.</summary>
    public static readonly ChannelProtocol Https = new("HTTPS");

    /// <summary>WEBRTC: media ingestion; answered only for channels configured for it.</summary>
    public static readonly ChannelProtocol WebRtc = new("WEBRTC");

    /// <summary>Every protocol the service model allows, in model order.</summary>
    public static IReadOnlyList<ChannelProtocol> All { get; } = new[] { Wss, Https, WebRtc };

    /// <summary>The canonical upper-case value sent on the wire; empty for <c>default(ChannelProtocol)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the three model values; false for <c>default(ChannelProtocol)</c>.</summary>
    public bool IsValid => _value is not null;

    /// <summary>Parses a protocol, ignoring case.</summary>
    /// <param name="value">WSS, HTTPS or WEBRTC, any case.</param>
    /// <exception cref="ArgumentException">The value is null, empty or not a protocol; the message names it and lists the allowed values.</exception>
    public static ChannelProtocol Parse([ChannelProtocolValue] string value)
    {
        if (TryParse(value, out var protocol))
        {
            return protocol;
        }

        throw new ArgumentException($"'{(value is null ? "(null)" : ModelConstraints.Shorten(value))}' is not a signaling channel protocol; allowed values: {AllowedValues}.", nameof(value));
    }

    /// <summary>"WSS, HTTPS, WEBRTC": the allowed values, for messages.</summary>
    internal static string AllowedValues => ChannelValueGrammar.ListOf(ChannelValueGrammar.Protocols);

    /// <summary>
    /// Checks a protocol list against the model (<c>ListOfProtocols</c>: 1 to 5 set protocols, none twice) and
    /// returns it as a list.
    /// </summary>
    /// <param name="protocols">The list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocols"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The list holds no protocol or more than the model allows; the message says how many are allowed.</exception>
    /// <exception cref="ArgumentException">A protocol is not set, or is listed twice; the message names it and the allowed values.</exception>
    public static IReadOnlyList<ChannelProtocol> CheckList(IEnumerable<ChannelProtocol> protocols) => CheckList(protocols, nameof(protocols));

    internal static IReadOnlyList<ChannelProtocol> CheckList(IEnumerable<ChannelProtocol> protocols, string paramName)
    {
        if (protocols is null)
        {
            throw new ArgumentNullException(paramName, $"A protocol list is required; allowed: {ChannelValueGrammar.ProtocolsMin}..{ChannelValueGrammar.ProtocolsMax} of {AllowedValues}.");
        }

        var list = new List<ChannelProtocol>(protocols);
        var countProblem = ChannelValueGrammar.ProtocolCountProblem(list.Count);
        if (countProblem is not null)
        {
            throw new ArgumentOutOfRangeException(paramName, countProblem + ".");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].IsValid)
            {
                throw new ArgumentException($"A protocol is not set (default value); allowed values: {AllowedValues}.", paramName);
            }

            if (list.IndexOf(list[i]) < i)
            {
                throw new ArgumentException(ChannelValueGrammar.DuplicateProtocolProblem(list[i].Value) + ".", paramName);
            }
        }

        return list;
    }

    /// <summary>Parses a protocol, ignoring case, without throwing.</summary>
    public static bool TryParse(string? value, out ChannelProtocol protocol)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(value, candidate._value, StringComparison.OrdinalIgnoreCase))
            {
                protocol = candidate;
                return true;
            }
        }

        protocol = default;
        return false;
    }

    /// <summary>Converts a string with <see cref="Parse(string)"/>.</summary>
    public static implicit operator ChannelProtocol([ChannelProtocolValue] string value) => Parse(value);

    /// <inheritdoc />
    public bool Equals(ChannelProtocol other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ChannelProtocol other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two protocols.</summary>
    public static bool operator ==(ChannelProtocol left, ChannelProtocol right) => left.Equals(right);

    /// <summary>Compares two protocols.</summary>
    public static bool operator !=(ChannelProtocol left, ChannelProtocol right) => !left.Equals(right);
}
