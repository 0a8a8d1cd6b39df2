using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Infrastructure;

/// <summary>One kvs-local (quotas off) shared by the tests of a class; each test makes its own channels.</summary>
public sealed class KvsLocalFixture : IAsyncLifetime
{
    private KvsLocalServer? _server;

    public KvsLocalServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await LocalClients.StartServerAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
