namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>One kvs-local with default options, shared by the tests of a class that do not depend on its state.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public KvsLocalServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KvsLocalServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
