using System.Text.Json;

namespace KvsSignaling.Local.Model;

/// <summary>A service model (botocore JSON) embedded from the contract at build time.</summary>
internal sealed class ServiceModel
{
    private static readonly Lazy<ServiceModel> ControlPlaneModel = new(() => LoadEmbedded("kinesisvideo-2017-09-30.service.json"));
    private static readonly Lazy<ServiceModel> SignalingModel = new(() => LoadEmbedded("kinesis-video-signaling-2019-12-04.service.json"));

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

    /// <summary>The control plane (kinesisvideo 2017-09-30): the signaling-channel operations.</summary>
    public static ServiceModel Instance => ControlPlaneModel.Value;

    /// <summary>The signaling data plane (2019-12-04), served on the channel's HTTPS endpoint.</summary>
    public static ServiceModel Signaling => SignalingModel.Value;

    public JsonElement Shapes { get; }

    public IReadOnlyDictionary<string, OperationModel> Operations { get; }

    public JsonElement Shape(string name) => Shapes.GetProperty(name);

    /// <summary>The operation whose HTTP binding is this path, whatever the method.</summary>
    public OperationModel? FindByPath(string path) =>
        Operations.Values.FirstOrDefault(op => string.Equals(op.RequestUri, path, StringComparison.Ordinal));

    private static ServiceModel LoadEmbedded(string resourceName)
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded service model '{resourceName}' is missing from kvs-local.");
        return new ServiceModel(JsonDocument.Parse(stream));
    }
}
