using System.Text.Json;

namespace KvsSignaling.Local.Model;

/// <summary>The Kinesis Video Streams service model (botocore JSON) embedded from the contract at build time.</summary>
internal sealed class ServiceModel
{
    private const string ResourceName = "kinesisvideo-2017-09-30.service.json";
    private static readonly Lazy<ServiceModel> Embedded = new(LoadEmbedded);

    private ServiceModel(JsonDocument document)
    {
        var root = document.RootElement;
        Shapes = root.GetProperty("shapes");
        Operations = root.GetProperty("operations").EnumerateObject()
            .Select(op => new OperationModel(
                op.Name,
                op.Value.GetProperty("http").GetProperty("method").GetString()!,
                op.Value.GetProperty("http").GetProperty("requestUri").GetString()!,
                op.Value.TryGetProperty("input", out var input) ? input.GetProperty("shape").GetString() : null))
            .ToDictionary(op => op.Name, StringComparer.Ordinal);
    }

    public static ServiceModel Instance => Embedded.Value;

    public JsonElement Shapes { get; }

    public IReadOnlyDictionary<string, OperationModel> Operations { get; }

    public JsonElement Shape(string name) => Shapes.GetProperty(name);

    /// <summary>The operation whose HTTP binding is this path, whatever the method.</summary>
    public OperationModel? FindByPath(string path) =>
        Operations.Values.FirstOrDefault(op => string.Equals(op.RequestUri, path, StringComparison.Ordinal));

    private static ServiceModel LoadEmbedded()
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded service model '{ResourceName}' is missing from kvs-local.");
        return new ServiceModel(JsonDocument.Parse(stream));
    }
}
