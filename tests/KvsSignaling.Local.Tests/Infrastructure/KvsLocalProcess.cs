using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace KvsSignaling.Local.Tests.Infrastructure;

/// <summary>The kvs-local executable as a child process, read through its ready line.</summary>
internal sealed partial class KvsLocalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _stderr = new();

    private KvsLocalProcess(Process process)
    {
        Process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string ReadyLine { get; private set; } = string.Empty;

    public Uri BaseUrl { get; private set; } = null!;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<KvsLocalProcess> StartAsync(params string[] args)
    {
        var process = new KvsLocalProcess(Launch(args));
        var line = await process.Process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        if (line is null)
        {
            await process.Process.WaitForExitAsync().WaitAsync(StartTimeout);
            throw new InvalidOperationException($"kvs-local exited with {process.Process.ExitCode} before it was ready: {process.StandardError}");
        }

        var match = ReadyLinePattern().Match(line);
        if (!match.Success)
        {
            process.Process.Kill();
            throw new InvalidOperationException($"Unexpected first line from kvs-local: '{line}'");
        }

        process.ReadyLine = line;
        process.BaseUrl = new Uri(match.Groups[1].Value + "/");
        return process;
    }

    /// <summary>Runs kvs-local expecting it to exit by itself (bad flags, unusable state file, --help).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        using var process = Launch(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Signal(int signal)
    {
        if (kill(Process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({Process.Id}, {signal}) failed with errno {Marshal.GetLastWin32Error()}.");
        }
    }

    public Task WaitForExitAsync() => Process.WaitForExitAsync().WaitAsync(StartTimeout);

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private static Process Launch(string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (InheritsIgnoredInterrupt())
        {
            // Started from a background shell or nohup, this process ignores SIGINT, and an ignored signal stays
            // ignored across exec (the .NET runtime keeps it so, as shells do). kvs-local is started through env,
            // which restores the default disposition and then execs it under the same pid, so Ctrl+C reaches it
            // as it would from a terminal.
            start.FileName = "env";
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(host);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kvs-local.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("KVS_LOCAL_CREDENTIALS");
        start.Environment.Remove("KVS_LOCAL_PERMISSIVE_SECRET");
        return Process.Start(start) ?? throw new InvalidOperationException("kvs-local did not start.");
    }

    /// <summary>Whether SIGINT is ignored in this process (bit 1 of SigIgn in /proc/self/status, on Linux).</summary>
    private static bool InheritsIgnoredInterrupt()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << 1)) != 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [GeneratedRegex(@"^kvs-local listening on (https?://127\.0\.0\.1:[0-9]+)$")]
    private static partial Regex ReadyLinePattern();
}
