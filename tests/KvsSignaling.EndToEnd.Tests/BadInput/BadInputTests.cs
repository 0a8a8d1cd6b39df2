using KvsSignaling.EndToEnd.Tests.Infrastructure;

namespace KvsSignaling.EndToEnd.Tests.BadInput;

/// <summary>
/// Hundreds of generated invalid inputs: each is refused with an ArgumentException that names the value and what
/// is allowed, nothing else is thrown, and kvs-local receives not one request for any of them.
/// </summary>
public sealed class BadInputTests
{
    private const int MinimumCases = 500;

    [Fact]
    public async Task Every_generated_invalid_input_gets_a_clear_argument_error_and_no_request_is_sent()
    {
        var generator = new InvalidInputGenerator();
        var cases = BadInputCases.Arns(generator, 220)
            .Concat(BadInputCases.Names(generator, 130))
            .Concat(BadInputCases.Roles(generator, 90))
            .Concat(BadInputCases.ProtocolLists(generator, 90))
            .Concat(BadInputCases.Defaults())
            .ToList();
        Assert.True(cases.Count >= MinimumCases, $"only {cases.Count} cases");
        await using var server = await LocalClients.StartServerAsync();
        using var client = LocalClients.Create(server);

        var failures = new List<string>();
        foreach (var badInput in cases)
        {
            var problem = await Check(client, badInput);
            if (problem is not null)
            {
                failures.Add($"{badInput}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}");
        Assert.Equal(0, server.Admin.RequestCounts.Values.Sum());

        // The same client does reach the server: one valid call is counted.
        await Assert.ThrowsAsync<KvsServiceException>(() => client.DescribeSignalingChannelAsync(BadInputCases.ValidArn));
        Assert.Equal(1, server.Admin.GetRequestCount("DescribeSignalingChannel"));
    }

    [Fact]
    public void The_generator_is_reproducible_and_covers_every_kind()
    {
        static List<string> Values() => Generate(new InvalidInputGenerator()).Select(c => c.Kind + "|" + c.BadValue).ToList();

        var first = Values();
        Assert.Equal(first, Values());
        Assert.Equal(first.Count, Generate(new InvalidInputGenerator(InvalidInputGenerator.Seed + 1)).Count);
        Assert.NotEqual(first, Generate(new InvalidInputGenerator(InvalidInputGenerator.Seed + 1)).Select(c => c.Kind + "|" + c.BadValue).ToList());
        var cases = Generate(new InvalidInputGenerator());
        Assert.Contains(cases, c => c.Kind == "ARN" && c.BadValue.Length > 1024);
        Assert.Contains(cases, c => c.Kind == "ARN" && !c.BadValue.Contains("kinesisvideo", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Kind == "channel name" && c.BadValue.Length > 256);
        Assert.Contains(cases, c => c.Kind == "channel name" && c.BadValue.Length == 0);
        Assert.Contains(cases, c => c.Kind == "protocol list" && c.BadValue == "0 protocols");
        Assert.Contains(cases, c => c.Kind == "protocol list" && c.BadValue != "0 protocols");
        Assert.Contains(cases, c => c.Kind == "role" && c.BadValue.Any(ch => ch > 127));
    }

    private static List<BadInputCase> Generate(InvalidInputGenerator generator) =>
        BadInputCases.Arns(generator, 220)
            .Concat(BadInputCases.Names(generator, 130))
            .Concat(BadInputCases.Roles(generator, 90))
            .Concat(BadInputCases.ProtocolLists(generator, 90))
            .ToList();

    private static async Task<string?> Check(KvsSignalingClient client, BadInputCase badInput)
    {
        var thrown = await Record.ExceptionAsync(() => badInput.Call(client));
        if (thrown is not ArgumentException argument)
        {
            return thrown is null ? "accepted" : $"threw {thrown.GetType().Name}: {thrown.Message}";
        }

        var message = argument.Message;
        var named = badInput.BadValue.Length <= 200 ? badInput.BadValue : badInput.BadValue.Substring(0, 200);
        if (!message.Contains(named, StringComparison.Ordinal))
        {
            return $"the message does not name the value: {message}";
        }

        if (badInput.BadValue.Length > 1024 && !message.Contains(badInput.BadValue.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return $"the message does not give the length of a long value: {message}";
        }

        if (!badInput.Allowed.Any(a => message.Contains(a, StringComparison.Ordinal)))
        {
            return $"the message does not say what is allowed ({string.Join(" / ", badInput.Allowed)}): {message}";
        }

        return null;
    }
}
