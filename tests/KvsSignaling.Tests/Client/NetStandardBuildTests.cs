using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Client;

/// <summary>
/// Runs the netstandard2.0 build — the one Windows PowerShell 5.1 loads, with HttpClientHandler and its own
/// cancellable wait — against the loopback server, loaded in its own context and driven by reflection.
/// </summary>
public sealed class NetStandardBuildTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "netstandard2.0");

    [Fact]
    public async Task The_netstandard_build_gets_endpoints_and_lets_a_cached_waiter_cancel()
    {
        var context = new AssemblyLoadContext("KvsSignaling netstandard2.0", isCollectible: true);
        context.Resolving += (c, name) => name.Name == "Microsoft.Bcl.AsyncInterfaces" ? c.LoadFromAssemblyPath(Path.Combine(Folder, name.Name + ".dll")) : null;
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(Folder, "KvsSignaling.dll"));
            Assert.Equal(".NETStandard,Version=v2.0", assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var server = new LoopbackServer(async (_, _) =>
            {
                await gate.Task;
                return Reply.Endpoints(("WSS", "wss://m.example"));
            });

            var options = Activator.CreateInstance(assembly.GetType("KvsSignaling.KvsSignalingClientOptions", throwOnError: true)!)!;
            Set(options, "EndpointUrl", server.Url);
            Set(options, "Region", "us-west-2");
            Set(options, "Credentials", new Amazon.Runtime.BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey));
            Set(options, "EnableEndpointCache", true);
            Set(options, "EnvironmentVariable", (Func<string, string?>)(_ => null));
            using var client = (IDisposable)Activator.CreateInstance(assembly.GetType("KvsSignaling.KvsSignalingClient", throwOnError: true)!, options)!;

            var arn = assembly.GetType("KvsSignaling.ChannelArn")!.GetMethod("Parse")!.Invoke(null, new object[] { TestClients.Arn })!;
            var role = assembly.GetType("KvsSignaling.ChannelRole")!.GetMethod("Parse")!.Invoke(null, new object[] { "viewer" })!;
            var get = client.GetType().GetMethod("GetSignalingChannelEndpointAsync")!;
            Task Call(CancellationToken token) => (Task)get.Invoke(client, new[] { arn, role, null, null, token })!;

            using var cancellation = new CancellationTokenSource();
            var cancelled = Call(cancellation.Token);
            var patient = Call(CancellationToken.None);
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

            gate.SetResult();
            await patient;
            var result = patient.GetType().GetProperty("Result")!.GetValue(patient)!;
            Assert.Equal(new Uri("wss://m.example"), result.GetType().GetProperty("Wss")!.GetValue(result));
            Assert.Equal(1, server.Count);
            Assert.Null(SigV4Reference.Verify(server.Requests[0], TestClients.SecretKey));
        }
        finally
        {
            context.Unload();
        }
    }

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(target, value);
}
