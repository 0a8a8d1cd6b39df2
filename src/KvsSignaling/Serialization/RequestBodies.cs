using System.Text.Json;

namespace KvsSignaling.Serialization;

/// <summary>Writes the operations' JSON bodies with the service model's member names.</summary>
internal static class RequestBodies
{
    public static byte[] GetSignalingChannelEndpoint(ChannelArn channelArn, ChannelRole role, IReadOnlyList<ChannelProtocol> protocols) =>
        Write(writer =>
        {
            writer.WriteString("ChannelARN", channelArn.Value);
            writer.WriteStartObject("SingleMasterChannelEndpointConfiguration");
            writer.WriteStartArray("Protocols");
            foreach (var protocol in protocols)
            {
                writer.WriteStringValue(protocol.Value);
            }

            writer.WriteEndArray();
            writer.WriteString("Role", role.Value);
            writer.WriteEndObject();
        });

    public static byte[] GetIceServerConfig(ChannelArn channelArn, string? clientId) =>
        Write(writer =>
        {
            writer.WriteString("ChannelARN", channelArn.Value);
            if (clientId is not null)
            {
                writer.WriteString("ClientId", clientId);
            }

            writer.WriteString("Service", "TURN");
        });

    public static byte[] DescribeSignalingChannel(string? channelName, ChannelArn? channelArn) =>
        Write(writer =>
        {
            if (channelArn is not null)
            {
                writer.WriteString("ChannelARN", channelArn.Value);
            }
            else
            {
                writer.WriteString("ChannelName", channelName);
            }
        });

    public static byte[] ListSignalingChannels(string? namePrefix, string? nextToken) =>
        Write(writer =>
        {
            if (namePrefix is not null)
            {
                writer.WriteStartObject("ChannelNameCondition");
                writer.WriteString("ComparisonOperator", "BEGINS_WITH");
                writer.WriteString("ComparisonValue", namePrefix);
                writer.WriteEndObject();
            }

            if (nextToken is not null)
            {
                writer.WriteString("NextToken", nextToken);
            }
        });

    public static byte[] CreateSignalingChannel(string channelName, int? messageTtlSeconds, IReadOnlyList<KeyValuePair<string, string>> tags) =>
        Write(writer =>
        {
            writer.WriteString("ChannelName", channelName);
            writer.WriteString("ChannelType", "SINGLE_MASTER");
            if (messageTtlSeconds is int ttl)
            {
                writer.WriteStartObject("SingleMasterConfiguration");
                writer.WriteNumber("MessageTtlSeconds", ttl);
                writer.WriteEndObject();
            }

            if (tags.Count > 0)
            {
                WriteTagList(writer, "Tags", tags);
            }
        });

    public static byte[] UpdateSignalingChannel(ChannelArn channelArn, string currentVersion, int? messageTtlSeconds) =>
        Write(writer =>
        {
            writer.WriteString("ChannelARN", channelArn.Value);
            writer.WriteString("CurrentVersion", currentVersion);
            if (messageTtlSeconds is int ttl)
            {
                writer.WriteStartObject("SingleMasterConfiguration");
                writer.WriteNumber("MessageTtlSeconds", ttl);
                writer.WriteEndObject();
            }
        });

    public static byte[] DeleteSignalingChannel(ChannelArn channelArn, string? currentVersion) =>
        Write(writer =>
        {
            writer.WriteString("ChannelARN", channelArn.Value);
            if (currentVersion is not null)
            {
                writer.WriteString("CurrentVersion", currentVersion);
            }
        });

    public static byte[] TagResource(ChannelArn channelArn, IReadOnlyList<KeyValuePair<string, string>> tags) =>
        Write(writer =>
        {
            writer.WriteString("ResourceARN", channelArn.Value);
            WriteTagList(writer, "Tags", tags);
        });

    public static byte[] UntagResource(ChannelArn channelArn, IReadOnlyList<string> tagKeys) =>
        Write(writer =>
        {
            writer.WriteString("ResourceARN", channelArn.Value);
            writer.WriteStartArray("TagKeyList");
            foreach (var key in tagKeys)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
        });

    public static byte[] ListTagsForResource(ChannelArn channelArn, string? nextToken) =>
        Write(writer =>
        {
            if (nextToken is not null)
            {
                writer.WriteString("NextToken", nextToken);
            }

            writer.WriteString("ResourceARN", channelArn.Value);
        });

    [ThreadStatic]
    private static JsonBodyBuffer? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static void WriteTagList(Utf8JsonWriter writer, string member, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        writer.WriteStartArray(member);
        foreach (var tag in tags)
        {
            writer.WriteStartObject();
            writer.WriteString("Key", tag.Key);
            writer.WriteString("Value", tag.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one JSON object with the thread's reusable buffer and writer; <paramref name="members"/> never awaits.</summary>
    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = t_buffer ??= new JsonBodyBuffer();
        buffer.Clear();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        writer.WriteStartObject();
        members(writer);
        writer.WriteEndObject();
        writer.Flush();
        return buffer.ToArray();
    }
}
