using System.Runtime.InteropServices;
using KvsSignaling.Local.Hosting;
using KvsSignaling.Local.State;

namespace KvsSignaling.Local;

/// <summary>The kvs-local executable: starts a server from flags and runs it until SIGINT or SIGTERM.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        KvsLocalOptions? options;
        try
        {
            options = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"kvs-local: {e.Message}");
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        KvsLocalServer server;
        try
        {
            server = await KvsLocalServer.StartAsync(options);
        }
        catch (Exception e) when (e is StateFileException or ArgumentException or IOException)
        {
            await Console.Error.WriteLineAsync($"kvs-local: {e.Message}");
            return 1;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using (PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal))
        using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal))
        {
            // Scripts wait for exactly this line; it is the only line kvs-local writes to stdout.
            Console.WriteLine($"kvs-local listening on {server.BaseUrl.GetLeftPart(UriPartial.Authority)}");
            if (server.TlsCertificatePath is not null)
            {
                await Console.Error.WriteLineAsync($"kvs-local certificate (PEM, trust it for TLS): {server.TlsCertificatePath}");
            }

            await stop.Task;
            await server.DisposeAsync();
        }

        await Console.Error.WriteLineAsync("kvs-local stopped");
        return 0;
    }
}
