using Microsoft.Extensions.Hosting;

namespace KvsSignaling.Local.Hosting;

/// <summary>
/// A host lifetime that listens to no signals: an embedded server stops when its owner disposes it, and
/// the kvs-local executable handles SIGINT/SIGTERM itself.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
