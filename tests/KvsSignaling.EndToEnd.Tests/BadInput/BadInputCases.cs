namespace KvsSignaling.EndToEnd.Tests.BadInput;

/// <summary>The generated cases, each routed through a client call that takes that kind of input.</summary>
public static class BadInputCases
{
    public const string ValidArn = "arn:aws:kinesisvideo:us-west-2:123456789012:channel/valid-channel/1700000000000";

    private static readonly string[] ArnAllowed = { "must", "allowed", "expected" };
    private static readonly string[] NameAllowed = { "allowed length is 1..256", "[a-zA-Z0-9_.-]+" };
    private static readonly string[] RoleAllowed = { "MASTER, VIEWER" };
    private static readonly string[] ProtocolAllowed = { "WSS, HTTPS, WEBRTC" };

    public static IReadOnlyList<BadInputCase> Arns(InvalidInputGenerator generator, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var bad = generator.InvalidArn();
            Func<KvsSignalingClient, Task> call = (i % 4) switch
            {
                0 => client => client.GetSignalingChannelEndpointAsync(bad, ChannelRole.Master),
                1 => client => client.DescribeSignalingChannelAsync(bad),
                2 => client => client.UpdateSignalingChannelAsync(bad, "v1", 30),
                _ => client => client.DeleteSignalingChannelAsync(bad),
            };
            return new BadInputCase("ARN", bad, call, ArnAllowed);
        }).ToList();

    public static IReadOnlyList<BadInputCase> Names(InvalidInputGenerator generator, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var bad = generator.InvalidName();
            Func<KvsSignalingClient, Task> call = (i % 3) switch
            {
                0 => client => client.CreateSignalingChannelAsync(bad),
                1 => client => client.DescribeSignalingChannelByNameAsync(bad),
                _ => client => ListAllAsync(client, bad),
            };

            // An empty prefix means "list everything", so the empty name goes to the other calls.
            if (bad.Length == 0 && i % 3 == 2)
            {
                call = client => client.CreateSignalingChannelAsync(bad);
            }

            return new BadInputCase("channel name", bad, call, NameAllowed);
        }).ToList();

    public static IReadOnlyList<BadInputCase> Roles(InvalidInputGenerator generator, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var bad = generator.InvalidRole();
            return new BadInputCase("role", bad, client => client.GetSignalingChannelEndpointAsync(ValidArn, bad), RoleAllowed);
        }).ToList();

    public static IReadOnlyList<BadInputCase> ProtocolLists(InvalidInputGenerator generator, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            if (i % 2 == 0)
            {
                var withBad = generator.ProtocolListWithOneBadElement(out var bad);
                return new BadInputCase("protocol", bad, client => Endpoints(client, withBad), ProtocolAllowed);
            }

            var list = generator.InvalidProtocolList();
            // The client names the first element that repeats an earlier one, in its canonical upper case.
            var duplicate = list.Select((p, at) => (Value: p.ToUpperInvariant(), At: at))
                .FirstOrDefault(e => list.Take(e.At).Any(earlier => string.Equals(earlier, e.Value, StringComparison.OrdinalIgnoreCase))).Value;
            // The size is checked first: a list longer than the model allows is refused for that, not for its repeats.
            return list.Count == 0 || list.Count > 5
                ? new BadInputCase("protocol list", $"{list.Count} protocols", client => Endpoints(client, list), new[] { "1..5 of WSS, HTTPS, WEBRTC" })
                : new BadInputCase("protocol list", duplicate!, client => Endpoints(client, list), new[] { "more than once" });
        }).ToList();

    /// <summary>The role no string produced: <c>default(ChannelRole)</c> and <c>default(ChannelProtocol)</c>.</summary>
    public static IReadOnlyList<BadInputCase> Defaults() => new[]
    {
        new BadInputCase("role", "not set", client => client.GetSignalingChannelEndpointAsync(ValidArn, default(ChannelRole)), RoleAllowed),
        new BadInputCase("protocol", "not set", client => client.GetSignalingChannelEndpointAsync(ValidArn, ChannelRole.Viewer, new[] { ChannelProtocol.Wss, default }), ProtocolAllowed),
    };

    // Strings are converted lazily, inside the client's own check of the list.
    private static Task Endpoints(KvsSignalingClient client, IReadOnlyList<string> protocols) =>
        client.GetSignalingChannelEndpointAsync(ValidArn, ChannelRole.Viewer, protocols.Select(p => (ChannelProtocol)p));

    private static async Task ListAllAsync(KvsSignalingClient client, string prefix)
    {
        await foreach (var unused in client.ListSignalingChannelsAsync(prefix))
        {
            Assert.Fail($"Listing with prefix '{prefix}' returned {unused}.");
        }
    }
}
