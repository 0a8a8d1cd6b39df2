using System.Management.Automation;
using KvsSignaling.PowerShell.Errors;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>
/// Checks -Role and -Protocol lists before any request: each value known (any case), none twice.
/// The failure names the bad value and lists the allowed ones.
/// </summary>
internal static class ValueListParser
{
    public static IReadOnlyList<ChannelRole> ParseRoles(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            throw Fail(ErrorIds.InvalidRole, $"At least one role is required. Allowed values: {Allowed(ChannelRole.All)}.", values);
        }

        var roles = new List<ChannelRole>();
        foreach (var value in values)
        {
            if (!ChannelRole.TryParse(value?.Trim(), out var role))
            {
                throw Fail(ErrorIds.InvalidRole, $"'{value}' is not a signaling channel role. Allowed values: {Allowed(ChannelRole.All)}.", value);
            }

            if (roles.Contains(role))
            {
                throw Fail(ErrorIds.DuplicateRole, $"The role '{role}' is given more than once; give each of {Allowed(ChannelRole.All)} at most once.", value);
            }

            roles.Add(role);
        }

        return roles;
    }

    public static IReadOnlyList<ChannelProtocol> ParseProtocols(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            throw Fail(ErrorIds.InvalidProtocol, $"At least one protocol is required. Allowed values: {Allowed(ChannelProtocol.All)}.", values);
        }

        var parsed = new List<ChannelProtocol>();
        foreach (var value in values)
        {
            if (!ChannelProtocol.TryParse(value?.Trim(), out var protocol))
            {
                throw Fail(ErrorIds.InvalidProtocol, $"'{value}' is not a signaling channel protocol. Allowed values: {Allowed(ChannelProtocol.All)}.", value);
            }

            parsed.Add(protocol);
        }

        // The service takes at most one of each protocol.
        if (parsed.Count > ChannelProtocol.All.Count)
        {
            throw Fail(ErrorIds.TooManyProtocols, $"{parsed.Count} protocols were given ({string.Join(", ", values)}); at most {ChannelProtocol.All.Count} are allowed: {Allowed(ChannelProtocol.All)}.", values);
        }

        var protocols = new List<ChannelProtocol>();
        foreach (var protocol in parsed)
        {
            if (protocols.Contains(protocol))
            {
                throw Fail(ErrorIds.DuplicateProtocol, $"The protocol '{protocol}' is given more than once; give each of {Allowed(ChannelProtocol.All)} at most once.", protocol.Value);
            }

            protocols.Add(protocol);
        }

        return protocols;
    }

    private static string Allowed<T>(IEnumerable<T> values) => string.Join(", ", values);

    private static ParameterValueException Fail(string errorId, string message, object? target) =>
        new(ErrorRecords.InvalidArgument(errorId, message, target));
}
