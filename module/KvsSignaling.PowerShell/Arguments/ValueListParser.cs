using System.Management.Automation;
using KvsSignaling.PowerShell.Errors;

namespace KvsSignaling.PowerShell.Arguments;

/// <summary>
/// Checks -Role and -Protocol lists before any request. The rules and their messages are the library's
/// (ChannelRole.Parse, ChannelProtocol.Parse, ChannelProtocol.CheckList); this class only maps each refusal to the
/// cmdlet's error id. Repeated roles are the cmdlet's own rule: the service takes one role per request.
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
            ChannelRole role;
            try
            {
                role = ChannelRole.Parse(value?.Trim()!);
            }
            catch (ArgumentException exception)
            {
                throw Fail(ErrorIds.InvalidRole, MessageOf(exception), value);
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
        var parsed = new List<ChannelProtocol>();
        foreach (var value in values ?? Array.Empty<string>())
        {
            try
            {
                parsed.Add(ChannelProtocol.Parse(value?.Trim()!));
            }
            catch (ArgumentException exception)
            {
                throw Fail(ErrorIds.InvalidProtocol, MessageOf(exception), value);
            }
        }

        try
        {
            return ChannelProtocol.CheckList(parsed);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            var errorId = parsed.Count == 0 ? ErrorIds.InvalidProtocol : ErrorIds.TooManyProtocols;
            throw Fail(errorId, MessageOf(exception), values);
        }
        catch (ArgumentException exception)
        {
            throw Fail(ErrorIds.DuplicateProtocol, MessageOf(exception), values);
        }
    }

    private static string Allowed<T>(IEnumerable<T> values) => string.Join(", ", values);

    /// <summary>The library's message without the "(Parameter 'x')" that .NET appends: the parameter is the cmdlet's.</summary>
    private static string MessageOf(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        var end = suffix is null ? -1 : message.IndexOf(suffix, StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end);
    }

    private static ParameterValueException Fail(string errorId, string message, object? target) =>
        new(ErrorRecords.InvalidArgument(errorId, message, target));
}
