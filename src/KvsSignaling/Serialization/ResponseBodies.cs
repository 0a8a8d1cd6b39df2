using System.Globalization;
using System.Text.Json;

namespace KvsSignaling.Serialization;

/// <summary>Reads the operations' JSON answers; anything that does not fit the model raises <see cref="MalformedResponseException"/>.</summary>
internal static class ResponseBodies
{
    /// <summary>The raw (protocol, endpoint) pairs of <c>ResourceEndpointList</c>, checked later by the client.</summary>
    /// <remarks>
    /// The hot path of every lookup, so it reads with <see cref="Utf8JsonReader"/> rather than building a
    /// <see cref="JsonDocument"/>; it still reads the whole body, so a body that is not JSON fails the same way.
    /// </remarks>
    public static List<KeyValuePair<string?, string?>> ResourceEndpointList(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new MalformedResponseException("the response body is empty");
        }

        var result = new List<KeyValuePair<string?, string?>>(3);
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new MalformedResponseException("the response body is not a JSON object");
            }

            var seen = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isList = !seen && reader.ValueTextEquals("ResourceEndpointList");
                reader.Read();
                if (!isList)
                {
                    reader.Skip();
                    continue;
                }

                seen = true;
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new MalformedResponseException("ResourceEndpointList is not an array");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new MalformedResponseException("a ResourceEndpointList item is not an object");
                    }

                    result.Add(ReadEndpointItem(ref reader));
                }
            }

            // Anything after the root object is not JSON; the reader throws on it.
            if (reader.Read())
            {
                throw new MalformedResponseException("the response body is not valid JSON");
            }
        }
        catch (JsonException e)
        {
            throw new MalformedResponseException("the response body is not valid JSON", e);
        }

        return result;
    }

    private static KeyValuePair<string?, string?> ReadEndpointItem(ref Utf8JsonReader reader)
    {
        string? protocol = null;
        string? endpoint = null;
        bool haveProtocol = false, haveEndpoint = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The first of a repeated name counts, as JsonElement.TryGetProperty finds it.
            var isProtocol = !haveProtocol && reader.ValueTextEquals("Protocol");
            var isEndpoint = !isProtocol && !haveEndpoint && reader.ValueTextEquals("ResourceEndpoint");
            reader.Read();
            if (isProtocol)
            {
                protocol = ReadOptionalString(ref reader, "Protocol");
                haveProtocol = true;
            }
            else if (isEndpoint)
            {
                endpoint = ReadOptionalString(ref reader, "ResourceEndpoint");
                haveEndpoint = true;
            }
            else
            {
                reader.Skip();
            }
        }

        return new KeyValuePair<string?, string?>(protocol, endpoint);
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new MalformedResponseException($"{name} is not a string"),
    };

    public static SignalingChannelInfo ChannelInfo(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        if (!document.RootElement.TryGetProperty("ChannelInfo", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedResponseException("the answer has no ChannelInfo object");
        }

        return ReadChannelInfo(info);
    }

    public static (List<SignalingChannelInfo> Channels, string? NextToken) ChannelInfoList(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var channels = new List<SignalingChannelInfo>();
        if (document.RootElement.TryGetProperty("ChannelInfoList", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new MalformedResponseException("ChannelInfoList is not an array");
            }

            foreach (var item in list.EnumerateArray())
            {
                channels.Add(ReadChannelInfo(item));
            }
        }

        var token = OptionalString(document.RootElement, "NextToken");
        return (channels, string.IsNullOrEmpty(token) ? null : token);
    }

    public static ChannelArn CreatedChannelArn(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var arn = OptionalString(document.RootElement, "ChannelARN");
        return ChannelArn.TryParse(arn, out var parsed)
            ? parsed
            : throw new MalformedResponseException($"the answer's ChannelARN '{arn ?? "(missing)"}' is not a valid channel ARN");
    }

    /// <summary>One page of <c>ListTagsForResource</c>: the <c>Tags</c> map (absent means none) and the next token.</summary>
    public static (List<KeyValuePair<string, string>> Tags, string? NextToken) ResourceTags(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var tags = new List<KeyValuePair<string, string>>();
        if (document.RootElement.TryGetProperty("Tags", out var map) && map.ValueKind != JsonValueKind.Null)
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedResponseException("Tags is not an object");
            }

            foreach (var tag in map.EnumerateObject())
            {
                tags.Add(new KeyValuePair<string, string>(tag.Name, tag.Value.ValueKind == JsonValueKind.String
                    ? tag.Value.GetString()!
                    : throw new MalformedResponseException($"the value of tag '{tag.Name}' is not a string")));
            }
        }

        var token = OptionalString(document.RootElement, "NextToken");
        return (tags, string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>The servers of <c>IceServerList</c>, each expiring <c>Ttl</c> seconds after <paramref name="answeredAt"/>.</summary>
    public static List<IceServer> IceServerList(ReadOnlyMemory<byte> body, DateTimeOffset answeredAt)
    {
        using var document = Parse(body);
        var result = new List<IceServer>();
        if (document.RootElement.TryGetProperty("IceServerList", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new MalformedResponseException("IceServerList is not an array");
            }

            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new MalformedResponseException("an IceServerList item is not an object");
                }

                var uris = new List<string>();
                if (item.TryGetProperty("Uris", out var uriList) && uriList.ValueKind == JsonValueKind.Array)
                {
                    foreach (var uri in uriList.EnumerateArray())
                    {
                        uris.Add(uri.ValueKind == JsonValueKind.String ? uri.GetString()! : throw new MalformedResponseException("an ICE server URI is not a string"));
                    }
                }

                TimeSpan? ttl = null;
                if (item.TryGetProperty("Ttl", out var ttlElement) && ttlElement.ValueKind != JsonValueKind.Null)
                {
                    ttl = ttlElement.ValueKind == JsonValueKind.Number && ttlElement.TryGetInt32(out var seconds) && seconds > 0
                        ? TimeSpan.FromSeconds(seconds)
                        : throw new MalformedResponseException("an ICE server's Ttl is not a positive whole number");
                }

                result.Add(new IceServer(uris, OptionalString(item, "Username"), OptionalString(item, "Password"), ttl, ttl is { } t ? answeredAt + t : null));
            }
        }

        return result;
    }

    /// <summary>Checks that an answer without members is at least empty or a JSON object.</summary>
    public static void Empty(ReadOnlyMemory<byte> body)
    {
        if (!body.IsEmpty)
        {
            using var document = Parse(body);
        }
    }

    private static SignalingChannelInfo ReadChannelInfo(JsonElement info)
    {
        if (info.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedResponseException("a ChannelInfo is not an object");
        }

        var arnText = OptionalString(info, "ChannelARN");
        if (!ChannelArn.TryParse(arnText, out var arn))
        {
            throw new MalformedResponseException($"a ChannelInfo has ChannelARN '{arnText ?? "(missing)"}', which is not a valid channel ARN");
        }

        int? ttl = null;
        if (info.TryGetProperty("SingleMasterConfiguration", out var single) && single.ValueKind == JsonValueKind.Object
            && single.TryGetProperty("MessageTtlSeconds", out var ttlElement) && ttlElement.ValueKind == JsonValueKind.Number)
        {
            ttl = ttlElement.GetInt32();
        }

        return new SignalingChannelInfo(
            OptionalString(info, "ChannelName") ?? arn.ChannelName,
            arn,
            OptionalString(info, "ChannelType") ?? string.Empty,
            OptionalString(info, "ChannelStatus") ?? string.Empty,
            Timestamp(info, "CreationTime"),
            ttl,
            OptionalString(info, "Version") ?? string.Empty);
    }

    /// <summary>rest-json sends timestamps as epoch seconds; an ISO 8601 string is accepted too.</summary>
    private static DateTimeOffset? Timestamp(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000));
            case JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                return parsed;
            case JsonValueKind.Null:
                return null;
            default:
                throw new MalformedResponseException($"{name} is not a timestamp");
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new MalformedResponseException("the response body is empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new MalformedResponseException("the response body is not valid JSON", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new MalformedResponseException("the response body is not a JSON object");
        }

        return document;
    }

    private static string? OptionalString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new MalformedResponseException($"{name} is not a string");
    }
}
