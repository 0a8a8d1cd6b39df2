using System.Diagnostics.CodeAnalysis;
using KvsSignaling.CodeAnalysis;
using KvsSignaling.Grammar;

namespace KvsSignaling;

/// <summary>
/// The role a client takes on a signaling channel (the model's <c>ChannelRole</c>: <c>MASTER</c> or <c>VIEWER</c>).
/// </summary>
/// <remarks>
/// Strings convert implicitly (case-insensitive), so <c>"viewer"</c> can be passed where a role is expected.
/// <c>default(ChannelRole)</c> holds no role; every client call rejects it.
/// </remarks>
public readonly struct ChannelRole : IEquatable<ChannelRole>
{
    private readonly string? _value;

    private ChannelRole(string value) => _value = value;

    /// <summary>The master role: the one peer that answers viewers.</summary>
    public static readonly ChannelRole Master = new("MASTER");

    /// <summary>The viewer role: a peer that connects to the master.</summary>
    public static readonly ChannelRole Viewer = new("VIEWER");

    /// <summary>Every role the service model allows, in model order.</summary>
    public static IReadOnlyList<ChannelRole> All { get; } = new[] { Master, Viewer };

    /// <summary>The canonical upper-case value sent on the wire; empty for <c>default(ChannelRole)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <see cref="Master"/> and <see cref="Viewer"/>; false for <c>default(ChannelRole)</c>.</summary>
    public bool IsValid => _value is not null;

    /// <summary>Parses a role, ignoring case.</summary>
    /// <param name="value">MASTER or VIEWER, any case.</param>
    /// <exception cref="ArgumentException">The value is null, empty or not a role; the message names it and lists the allowed values.</exception>
    public static ChannelRole Parse([ChannelRoleValue] string value)
    {
        if (TryParse(value, out var role))
        {
            return role;
        }

        throw new ArgumentException($"'{(value is null ? "(null)" : ModelConstraints.Shorten(value))}' is not a signaling channel role; allowed values: {AllowedValues}.", nameof(value));
    }

    /// <summary>"MASTER, VIEWER": the allowed values, for messages.</summary>
    internal static string AllowedValues => ChannelValueGrammar.ListOf(ChannelValueGrammar.Roles);

    /// <summary>Rejects <c>default(ChannelRole)</c>, which holds no role.</summary>
    internal static void CheckSet(ChannelRole role, string paramName)
    {
        if (!role.IsValid)
        {
            throw new ArgumentException($"The role is not set (default value); allowed values: {AllowedValues}.", paramName);
        }
    }

    /// <summary>Parses a role, ignoring case, without throwing.</summary>
    public static bool TryParse(string? value, out ChannelRole role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(value, candidate._value, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Converts a string with <see cref="Parse(string)"/>.</summary>
    public static implicit operator ChannelRole([ChannelRoleValue] string value) => Parse(value);

    /// <inheritdoc />
    public bool Equals(ChannelRole other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ChannelRole other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two roles.</summary>
    public static bool operator ==(ChannelRole left, ChannelRole right) => left.Equals(right);

    /// <summary>Compares two roles.</summary>
    public static bool operator !=(ChannelRole left, ChannelRole right) => !left.Equals(right);
}
