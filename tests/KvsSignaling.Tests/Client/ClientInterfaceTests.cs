using System.Reflection;

namespace KvsSignaling.Tests.Client;

/// <summary>
/// <see cref="IKvsSignalingClient"/> stays the whole client: every public instance member of
/// <see cref="KvsSignalingClient"/> (but Dispose, which belongs to whoever owns the client) implements one of it,
/// with the same parameters and defaults, so code written against the interface loses nothing.
/// </summary>
public sealed class ClientInterfaceTests
{
    private static readonly InterfaceMapping Map = typeof(KvsSignalingClient).GetInterfaceMap(typeof(IKvsSignalingClient));

    public static TheoryData<string> PublicInstanceMembers()
    {
        var data = new TheoryData<string>();
        foreach (var method in ClientMethods())
        {
            data.Add(method.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicInstanceMembers))]
    public void Every_public_member_of_the_client_implements_the_interface(string name)
    {
        foreach (var method in ClientMethods().Where(m => m.Name == name))
        {
            var index = Array.IndexOf(Map.TargetMethods, method);
            Assert.True(index >= 0, $"KvsSignalingClient.{Describe(method)} is public but not part of IKvsSignalingClient.");
            var declared = Map.InterfaceMethods[index];
            Assert.Equal(method.ReturnType, declared.ReturnType);
            var expected = method.GetParameters();
            var actual = declared.GetParameters();
            Assert.Equal(expected.Select(p => (p.Name, p.ParameterType)), actual.Select(p => (p.Name, p.ParameterType)));
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(expected[i].HasDefaultValue == actual[i].HasDefaultValue, $"{Describe(method)}: parameter {expected[i].Name} has a default on one side only.");
                Assert.Equal(expected[i].HasDefaultValue ? expected[i].DefaultValue : null, actual[i].HasDefaultValue ? actual[i].DefaultValue : null);
            }
        }
    }

    [Fact]
    public void The_interface_has_nothing_the_client_lacks_and_covers_the_operations()
    {
        Assert.All(Map.TargetMethods, target => Assert.Equal(typeof(KvsSignalingClient), target.DeclaringType));
        var names = typeof(IKvsSignalingClient).GetMethods().Select(m => m.Name).ToHashSet();
        foreach (var name in new[]
        {
            "get_Region", "get_Endpoint", "ResolveCredentialsAsync", "GetSignalingChannelEndpointAsync", "CreatePresignedConnectUrlAsync",
            "GetIceServerConfigAsync", "InvalidateIceServerConfig", "DescribeSignalingChannelAsync", "DescribeSignalingChannelByNameAsync",
            "ListSignalingChannelsAsync", "CreateSignalingChannelAsync", "UpdateSignalingChannelAsync", "DeleteSignalingChannelAsync",
            "TagSignalingChannelAsync", "UntagSignalingChannelAsync", "ListSignalingChannelTagsAsync", "InvalidateEndpointCache",
        })
        {
            Assert.Contains(name, names);
        }

        Assert.DoesNotContain(typeof(IDisposable), typeof(IKvsSignalingClient).GetInterfaces());
    }

    private static IEnumerable<MethodInfo> ClientMethods() =>
        typeof(KvsSignalingClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.DeclaringType == typeof(KvsSignalingClient) && m.Name != nameof(IDisposable.Dispose));

    private static string Describe(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})";

}
