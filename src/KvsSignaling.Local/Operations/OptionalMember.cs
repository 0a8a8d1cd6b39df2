using System.Text.Json;

namespace KvsSignaling.Local.Operations;

/// <summary>Reads members that may be absent or JSON null, which rest-json treats alike.</summary>
internal static class OptionalMember
{
    public static JsonElement? Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(JsonElement obj, string name) => Get(obj, name)?.GetString();

    public static int? Int(JsonElement obj, string name) => Get(obj, name)?.GetInt32();
}
