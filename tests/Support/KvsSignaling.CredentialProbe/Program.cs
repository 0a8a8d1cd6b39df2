using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KvsSignaling;

// kvs-credential-probe --endpoint URL [--profile NAME] [--channel NAME] [--seconds S] [--resolve-only]
// With --resolve-only, resolves the credentials up front (ResolveCredentialsAsync) and stops. Otherwise
// creates the channel and looks up its endpoints (repeatedly for S seconds), letting the first call resolve
// the credentials. Prints one JSON object: how many lookups succeeded and every error, with its type,
// message, profile and source.
Uri? endpoint = null;
string? profile = null;
var channel = "probe";
var seconds = 0.0;
var resolveOnly = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--endpoint": endpoint = new Uri(args[++i]); break;
        case "--profile": profile = args[++i]; break;
        case "--channel": channel = args[++i]; break;
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--resolve-only": resolveOnly = true; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var lookups = 0;
var errors = new List<object>();
try
{
    using var client = new KvsSignalingClient(new KvsSignalingClientOptions
    {
        EndpointUrl = endpoint,
        ProfileName = profile,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    });
    if (resolveOnly)
    {
        await client.ResolveCredentialsAsync();
    }
    else
    {
        var arn = await client.CreateSignalingChannelAsync(channel);
        var clock = Stopwatch.StartNew();
        do
        {
            try
            {
                await client.GetSignalingChannelEndpointAsync(arn, ChannelRole.Master);
                lookups++;
            }
            catch (KvsSignalingException e)
            {
                errors.Add(Describe(e));
            }

            await Task.Delay(seconds > 0 ? 20 : 0);
        }
        while (clock.Elapsed.TotalSeconds < seconds && errors.Count < 20);
    }
}
catch (Exception e) when (e is KvsSignalingException or ArgumentException)
{
    errors.Add(Describe(e));
}

Console.WriteLine(JsonSerializer.Serialize(new { Lookups = lookups, Errors = errors }));
return 0;

static object Describe(Exception e) => new
{
    Type = e.GetType().Name,
    e.Message,
    ProfileName = (e as KvsCredentialsException)?.ProfileName,
    CredentialSource = (e as KvsCredentialsException)?.CredentialSource,
    (e as KvsSignalingException)?.ErrorCode,
};
