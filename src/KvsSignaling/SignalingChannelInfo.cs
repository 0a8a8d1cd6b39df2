namespace KvsSignaling;

/// <summary>A signaling channel's metadata (the model's <c>ChannelInfo</c>).</summary>
public sealed class SignalingChannelInfo
{
    /// <summary>Creates channel metadata.</summary>
    public SignalingChannelInfo(string channelName, ChannelArn channelArn, string channelType, string channelStatus, DateTimeOffset? creationTime, int? messageTtlSeconds, string version)
    {
        ChannelName = channelName;
        ChannelARN = channelArn ?? throw new ArgumentNullException(nameof(channelArn));
        ChannelType = channelType;
        ChannelStatus = channelStatus;
        CreationTime = creationTime;
        MessageTtlSeconds = messageTtlSeconds;
        Version = version;
    }

    /// <summary>The channel name.</summary>
    public string ChannelName { get; }

    /// <summary>The channel ARN; named as in the service model so PowerShell pipelines bind it by property name.</summary>
    public ChannelArn ChannelARN { get; }

    /// <summary>The channel type, for example <c>SINGLE_MASTER</c>.</summary>
    public string ChannelType { get; }

    /// <summary>The status: <c>CREATING</c>, <c>ACTIVE</c>, <c>UPDATING</c> or <c>DELETING</c>.</summary>
    public string ChannelStatus { get; }

    /// <summary>When the channel was created.</summary>
    public DateTimeOffset? CreationTime { get; }

    /// <summary>How long undelivered messages are kept, in seconds (<c>SingleMasterConfiguration.MessageTtlSeconds</c>).</summary>
    public int? MessageTtlSeconds { get; }

    /// <summary>The current version, needed to update or delete the channel.</summary>
    public string Version { get; }

    /// <summary>The region of the channel, taken from its ARN.</summary>
    public string Region => ChannelARN.Region;

    /// <summary>Returns the channel name and ARN.</summary>
    public override string ToString() => ChannelName + " (" + ChannelARN.Value + ")";
}
