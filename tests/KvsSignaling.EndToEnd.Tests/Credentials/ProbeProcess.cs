using System.Diagnostics;
using System.Text.Json;

namespace KvsSignaling.EndToEnd.Tests.Credentials;

/// <summary>What kvs-credential-probe printed: lookups that succeeded and every error.</summary>
public sealed record ProbeResult(int Lookups, IReadOnlyList<ProbeError> Errors, string Output);

/// <summary>One error the probe caught.</summary>
public sealed record ProbeError(string Type, string Message, string? ProfileName, string? CredentialSource, string? ErrorCode);

/// <summary>
/// Runs the library in a fresh process (kvs-credential-probe) with a scenario's environment: the AWS SDK
/// reads the shared-file locations once per process, so a scenario cannot be switched to in this one.
/// </summary>
internal static class ProbeProcess
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "kvs-credential-probe.dll");

    public static async Task<ProbeResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["exec", Program, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kvs-credential-probe {string.Join(' ', arguments)} did not finish in 120 s.");
        }

        var text = await output;
        Assert.True(process.ExitCode == 0, $"kvs-credential-probe exited with {process.ExitCode}: {text}{await error}");
        var result = JsonSerializer.Deserialize<ProbeResult>(text.Trim())!;
        return result with { Output = text };
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
