using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using Amazon.Runtime;
using KvsSignaling.EndToEnd.Tests.Infrastructure;
using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Signaling;

/// <summary>
/// The signaling connection of the netstandard2.0 build (the one Windows PowerShell 5.1 loads, with its own
/// ClientWebSocket handling and System.Threading.Channels from the package), loaded in a context of its own and
/// driven by reflection against kvs-local: a viewer's offer reaches the master, and the connections close cleanly.
/// </summary>
public sealed class NetStandardSignalingTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "netstandard2.0");

    [Fact]
    public async Task The_netstandard_build_connects_a_master_and_a_viewer_and_relays_an_offer()
    {
        await using var server = await LocalClients.StartServerAsync();
        using var setup = LocalClients.Create(server);
        using var guard = HangGuard.Start();
        var channel = await setup.CreateSignalingChannelAsync(Channels.UniqueName("netstandard"), cancellationToken: guard.Token);

        var context = new AssemblyLoadContext("KvsSignaling netstandard2.0 signaling", isCollectible: true);
        context.Resolving += (c, name) => name.Name == "Microsoft.Bcl.AsyncInterfaces" ? c.LoadFromAssemblyPath(Path.Combine(Folder, name.Name + ".dll")) : null;
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(Folder, "KvsSignaling.dll"));
            Assert.Equal(".NETStandard,Version=v2.0", assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

            var options = Activator.CreateInstance(assembly.GetType("KvsSignaling.KvsSignalingClientOptions", throwOnError: true)!)!;
            Set(options, "EndpointUrl", server.BaseUrl);
            Set(options, "Region", LocalClients.Region);
            Set(options, "Credentials", new BasicAWSCredentials(KvsLocalCredential.DefaultAccessKeyId, KvsLocalCredential.DefaultSecretAccessKey));
            Set(options, "EnvironmentVariable", (Func<string, string?>)(_ => null));
            using var client = (IDisposable)Activator.CreateInstance(assembly.GetType("KvsSignaling.KvsSignalingClient", throwOnError: true)!, options)!;

            var arn = assembly.GetType("KvsSignaling.ChannelArn")!.GetMethod("Parse")!.Invoke(null, new object[] { channel.Value })!;
            var roleType = assembly.GetType("KvsSignaling.ChannelRole")!;
            var connect = client.GetType().GetMethod("ConnectAsync")!;
            async Task<object> ConnectAsync(string role, string? clientId)
            {
                var task = (Task)connect.Invoke(client, new[] { arn, roleType.GetMethod("Parse")!.Invoke(null, new object[] { role }), clientId, null, guard.Token })!;
                await task;
                return task.GetType().GetProperty("Result")!.GetValue(task)!;
            }

            var master = await ConnectAsync("MASTER", null);
            var viewer = await ConnectAsync("VIEWER", "viewer-ns");
            try
            {
                while (server.Admin.Connections.Count(c => c.ChannelARN == channel.Value) != 2)
                {
                    await Task.Delay(10, guard.Token);
                }

                var send = viewer.GetType().GetMethod("SendSdpOfferAsync")!;
                await (Task)send.Invoke(viewer, new object?[] { "v=0 from netstandard", null, null, guard.Token })!;

                // ReadAllAsync is Microsoft.Bcl.AsyncInterfaces' IAsyncEnumerable on this build: walked by reflection.
                var messages = master.GetType().GetMethod("ReadAllAsync")!.Invoke(master, new object[] { guard.Token })!;
                var enumerator = messages.GetType().GetInterfaces().Single(i => i.Name.StartsWith("IAsyncEnumerable", StringComparison.Ordinal))
                    .GetMethod("GetAsyncEnumerator")!.Invoke(messages, new object[] { guard.Token })!;
                var enumeratorType = enumerator.GetType().GetInterfaces().Single(i => i.Name.StartsWith("IAsyncEnumerator", StringComparison.Ordinal));
                var moved = enumeratorType.GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!;
                var next = (Task<bool>)moved.GetType().GetMethod("AsTask")!.Invoke(moved, null)!;
                Assert.True(await next);
                var message = enumeratorType.GetProperty("Current")!.GetValue(enumerator)!;
                Assert.Equal("KvsSignaling.SdpMessage", message.GetType().FullName);
                Assert.Equal("v=0 from netstandard", message.GetType().GetProperty("Sdp")!.GetValue(message));
                Assert.Equal("viewer-ns", message.GetType().GetProperty("SenderClientId")!.GetValue(message));
            }
            finally
            {
                foreach (var connection in new[] { viewer, master })
                {
                    var closing = connection.GetType().GetMethod("DisposeAsync")!.Invoke(connection, null)!;
                    await (Task)closing.GetType().GetMethod("AsTask")!.Invoke(closing, null)!;
                }
            }

            while (server.Admin.Connections.Any(c => c.ChannelARN == channel.Value))
            {
                await Task.Delay(10, guard.Token);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(target, value);
}
