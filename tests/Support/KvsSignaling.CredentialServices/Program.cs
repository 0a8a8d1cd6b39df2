using System.Globalization;
using System.Text.Json;
using KvsSignaling.CredentialServices;

// kvs-credential-services serve [--window-seconds N] [--count N] [--grace-seconds N] --kvs-local-credentials PATH [--scenarios DIR]
//   Starts the stand-ins, writes the keys they will hand out as a kvs-local --credentials-file, optionally
//   writes every scenario under DIR (DIR/<name>.json describes each), prints one ready line and runs until stopped.
// kvs-credential-services process URL
//   What a credential_process prints: the credentials the running services hand out at URL.
if (args is ["process", var url])
{
    using var http = new HttpClient();
    Console.Out.Write(await http.GetStringAsync(new Uri(url)));
    return 0;
}

if (args.Length == 0 || args[0] != "serve")
{
    Console.Error.WriteLine("usage: kvs-credential-services serve [--window-seconds N] [--count N] [--grace-seconds N] --kvs-local-credentials PATH [--scenarios DIR] | process URL");
    return 2;
}

var window = TimeSpan.FromHours(1);
var count = 4;
var grace = TimeSpan.FromSeconds(3);
string? kvsLocalCredentials = null;
string? scenarios = null;
for (var i = 1; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--window-seconds": window = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--count": count = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--grace-seconds": grace = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--kvs-local-credentials": kvsLocalCredentials = value; break;
        case "--scenarios": scenarios = value; break;
        default: throw new ArgumentException($"Unknown option {args[i]}.");
    }
}

var options = new CredentialServicesOptions
{
    Schedule = new CredentialSchedule(DateTimeOffset.UtcNow, window, count, grace),
    SourceAccessKeys = new HashSet<string>([CredentialScenario.BaseAccessKey, CredentialScenario.EnvironmentAccessKey], StringComparer.Ordinal),
    Roles = new HashSet<string>(CredentialScenario.Roles, StringComparer.Ordinal),
};
await using var server = await CredentialServicesServer.StartAsync(options);
if (kvsLocalCredentials is not null)
{
    File.WriteAllText(kvsLocalCredentials, KvsLocalCredentialsFile.ToJson(options.Schedule));
}

if (scenarios is not null)
{
    foreach (var name in CredentialScenario.Names)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scenarios, name)).FullName;
        File.WriteAllText(Path.Combine(scenarios, name + ".json"), CredentialScenario.Create(name, folder, server.BaseUrl, options).ToJson());
    }
}

Console.WriteLine($"credential services listening on {server.BaseUrl}");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

/// <summary>The schedule's keys as a kvs-local --credentials-file.</summary>
internal static class KvsLocalCredentialsFile
{
    public static string ToJson(CredentialSchedule schedule) => JsonSerializer.Serialize(new
    {
        Credentials = schedule.All.Select(c => new
        {
            c.AccessKeyId,
            c.SecretAccessKey,
            AccountId = CredentialServicesServer.AccountId,
            c.SessionToken,
            Expiration = c.UsableUntil,
        }),
    });
}
