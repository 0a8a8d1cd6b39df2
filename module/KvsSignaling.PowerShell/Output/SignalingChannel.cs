using System.Management.Automation;

namespace KvsSignaling.PowerShell.Output;

/// <summary>
/// A signaling channel as Get-KvsSignalingChannel and New-KvsSignalingChannel write it. Its
/// ChannelARN and ChannelName properties bind by name to the other cmdlets' parameters.
/// </summary>
public sealed class SignalingChannel
{
    /// <summary>The type name the format file and scripts key on.</summary>
    public const string TypeName = "KvsSignaling.SignalingChannel";

    internal SignalingChannel(SignalingChannelInfo info)
    {
        ChannelName = info.ChannelName;
        ChannelARN = info.ChannelARN.Value;
        ChannelType = info.ChannelType;
        ChannelStatus = info.ChannelStatus;
        CreationTime = info.CreationTime;
        MessageTtlSeconds = info.MessageTtlSeconds;
        Version = info.Version;
        Region = info.Region;
    }

    /// <summary>The channel's name.</summary>
    public string ChannelName { get; }

    /// <summary>The channel's ARN.</summary>
    public string ChannelARN { get; }

    /// <summary>SINGLE_MASTER or FULL_MESH.</summary>
    public string ChannelType { get; }

    /// <summary>CREATING, ACTIVE, UPDATING or DELETING.</summary>
    public string ChannelStatus { get; }

    /// <summary>When the channel was created.</summary>
    public DateTimeOffset? CreationTime { get; }

    /// <summary>How long undelivered signaling messages are kept, in seconds.</summary>
    public int? MessageTtlSeconds { get; }

    /// <summary>The channel's current version, needed to update or delete it safely.</summary>
    public string Version { get; }

    /// <summary>The channel's region.</summary>
    public string Region { get; }

    /// <summary>The channel's ARN, so "$channel" can be passed wherever an ARN goes.</summary>
    public override string ToString() => ChannelARN;

    internal PSObject ToPSObject()
    {
        var wrapped = new PSObject(this);
        wrapped.TypeNames.Insert(0, TypeName);
        return wrapped;
    }

    /// <summary>The channel with a Tags property: a hashtable of its tags, keys compared as the service does (case-sensitive).</summary>
    internal PSObject ToPSObject(IReadOnlyDictionary<string, string> tags)
    {
        var wrapped = ToPSObject();
        var table = new System.Collections.Hashtable(StringComparer.Ordinal);
        foreach (var tag in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            table[tag.Key] = tag.Value;
        }

        wrapped.Properties.Add(new PSNoteProperty("Tags", table));
        return wrapped;
    }
}
