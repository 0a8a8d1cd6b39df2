using System.Text.Json;
using KvsSignaling.Local.Channels;
using KvsSignaling.Local.Wire;

namespace KvsSignaling.Local.Operations;

/// <summary>Finds the caller's channel named by ChannelName or ChannelARN, as the Describe operations accept either.</summary>
internal static class ChannelLookup
{
    public static Channel ByNameOrArn(ChannelStore store, JsonElement input, OperationContext context)
    {
        var name = OptionalMember.String(input, "ChannelName");
        var arn = OptionalMember.String(input, "ChannelARN");
        var caller = context.Caller;
        if (name is null && arn is null)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument("Either ChannelName or ChannelARN must be specified."));
        }

        var channel = arn is not null ? store.FindByArn(caller.AccountId, caller.Region, arn) : store.FindByName(caller.AccountId, caller.Region, name!);
        if (channel is null)
        {
            throw new ServiceErrorException(ServiceError.ResourceNotFound(
                $"The signaling channel '{arn ?? name}' does not exist in account {caller.AccountId} and region {caller.Region}."));
        }

        if (name is not null && channel.ChannelName != name)
        {
            throw new ServiceErrorException(ServiceError.InvalidArgument(
                $"ChannelName '{name}' and ChannelARN '{arn}' name different channels; specify one of them."));
        }

        return channel;
    }

    public static Channel ByArn(ChannelStore store, string arn, OperationContext context) =>
        store.FindByArn(context.Caller.AccountId, context.Caller.Region, arn)
        ?? throw new ServiceErrorException(ServiceError.ResourceNotFound(
            $"The signaling channel '{arn}' does not exist in account {context.Caller.AccountId} and region {context.Caller.Region}."));

    /// <summary>The quota key of a Describe-style request: the channel's ARN when it exists, so name and ARN share a bucket.</summary>
    public static string? QuotaKey(ChannelStore store, JsonElement input, OperationContext context)
    {
        var arn = OptionalMember.String(input, "ChannelARN");
        if (arn is not null)
        {
            return arn;
        }

        var name = OptionalMember.String(input, "ChannelName");
        return name is null ? null : store.FindByName(context.Caller.AccountId, context.Caller.Region, name)?.ChannelARN ?? name;
    }
}
