using System.Text.Json;
using System.Text.Json.Nodes;

namespace KvsSignaling.Local.Operations;

/// <summary>One service operation: its input is already validated against the model when it runs.</summary>
internal interface IOperation
{
    string Name { get; }

    /// <summary>The channel the request targets, for per-channel quotas; null when it targets none.</summary>
    string? ChannelKey(JsonElement input, OperationContext context);

    JsonObject Execute(JsonElement input, OperationContext context);
}
