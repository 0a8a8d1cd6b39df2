using System.Net;
using System.Text.Json.Nodes;
using KvsSignaling.Local.Tests.Infrastructure;

namespace KvsSignaling.Local.Tests.Hosting;

/// <summary>The kvs-local executable: its ready line, flags, clean stop on signals and refusals to start.</summary>
public sealed class ExecutableTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task Prints_one_ready_line_serves_and_stops_cleanly_on_a_signal(int signal)
    {
        await using var process = await KvsLocalProcess.StartAsync("--port", "0");

        Assert.Matches(@"^kvs-local listening on http://127\.0\.0\.1:[0-9]+$", process.ReadyLine);
        Assert.Equal(HttpStatusCode.OK, (await new KvsTestClient(process.BaseUrl).CallAsync("ListSignalingChannels")).Status);

        process.Signal(signal);
        await process.WaitForExitAsync();

        Assert.Equal(0, process.Process.ExitCode);
        Assert.Equal(string.Empty, await process.Process.StandardOutput.ReadToEndAsync());
        Assert.Contains("kvs-local stopped", process.StandardError);
    }

    [Fact]
    public async Task Flags_set_credentials_endpoint_style_and_faults()
    {
        await using var process = await KvsLocalProcess.StartAsync(
            "--port", "0", "--credential", "AKIDFLAG:flag-secret:999999999999", "--endpoint-style", "aws",
            "--fault", "throttle,op=ListSignalingChannels,count=1", "--quota", "CreateSignalingChannel=100");
        var client = new KvsTestClient(process.BaseUrl) { AccessKeyId = "AKIDFLAG", SecretAccessKey = "flag-secret" };

        Assert.Equal("ClientLimitExceededException", (await client.CallAsync("ListSignalingChannels")).ErrorType);
        var arn = await client.CreateChannelAsync("flagged");
        var endpoints = await Channels.EndpointTests.EndpointsAsync(client, arn, "VIEWER", "WSS");

        Assert.Contains(":999999999999:", arn);
        Assert.StartsWith("wss://v-", endpoints["WSS"]);
        Assert.Equal("UnrecognizedClientException", (await new KvsTestClient(process.BaseUrl).CallAsync("ListSignalingChannels")).ErrorType);
    }

    [Fact]
    public async Task With_tls_it_serves_https_and_names_the_certificate_file_on_standard_error()
    {
        var folder = Directory.CreateTempSubdirectory("kvs-local-exe-tls-").FullName;
        try
        {
            var path = Path.Combine(folder, "cert.pem");
            await using var process = await KvsLocalProcess.StartAsync("--port", "0", "--tls", "--tls-cert-file", path);

            Assert.Matches(@"^kvs-local listening on https://127\.0\.0\.1:[0-9]+$", process.ReadyLine);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(path));
            process.Signal(SigTerm);
            await process.WaitForExitAsync();
            Assert.Equal(0, process.Process.ExitCode);
            Assert.Contains(path, process.StandardError);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "--bogus")]
    [InlineData(new[] { "--port", "70000" }, "70000")]
    [InlineData(new[] { "--endpoint-style", "cloud" }, "cloud")]
    [InlineData(new[] { "--quotas", "maybe" }, "maybe")]
    [InlineData(new[] { "--fault", "explode" }, "explode")]
    [InlineData(new[] { "--credential", "AKIDONLY" }, "AKIDONLY")]
    public async Task A_bad_flag_exits_2_naming_the_bad_value(string[] args, string named)
    {
        var (exitCode, stdout, stderr) = await KvsLocalProcess.RunToExitAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(named, stderr);
    }

    [Fact]
    public async Task A_credential_with_a_bad_account_is_refused_without_echoing_the_secret()
    {
        var (exitCode, _, stderr) = await KvsLocalProcess.RunToExitAsync("--credential", "AKIDX:very-secret-value:12");

        Assert.Equal(2, exitCode);
        Assert.Contains("AKIDX", stderr);
        Assert.DoesNotContain("very-secret-value", stderr);
    }

    [Fact]
    public async Task Help_lists_the_flags()
    {
        var (exitCode, stdout, _) = await KvsLocalProcess.RunToExitAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--state-file", stdout);
        Assert.Contains("AKIDLOCAL", stdout);
    }

    [Fact]
    public async Task A_corrupt_state_file_stops_the_start_with_a_clear_error_and_is_left_untouched()
    {
        var folder = Directory.CreateTempSubdirectory("kvs-local-exe-");
        try
        {
            var path = Path.Combine(folder.FullName, "state.json");
            await File.WriteAllTextAsync(path, "{\"FormatVersion\":1,\"Channels\":[");
            var before = await File.ReadAllBytesAsync(path);

            var (exitCode, stdout, stderr) = await KvsLocalProcess.RunToExitAsync("--port", "0", "--state-file", path);

            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains(path, stderr);
            Assert.Contains("cannot be used", stderr);
            Assert.Equal(before, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_port_in_use_exits_1_with_a_message()
    {
        await using var first = await KvsLocalProcess.StartAsync("--port", "0");

        var (exitCode, _, stderr) = await KvsLocalProcess.RunToExitAsync("--port", first.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, exitCode);
        Assert.Contains(first.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), stderr);
    }

    [Fact]
    public async Task Channels_survive_kill_9_during_writes_with_every_acknowledged_create_kept()
    {
        var folder = Directory.CreateTempSubdirectory("kvs-local-kill-");
        try
        {
            var path = Path.Combine(folder.FullName, "state.json");
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            for (var round = 0; round < 3; round++)
            {
                await using var process = await KvsLocalProcess.StartAsync("--port", "0", "--quotas", "off", "--state-file", path);
                var listed = await ListArnsAsync(process.BaseUrl);
                Assert.Superset(acknowledged.ToHashSet(), listed);

                using var stop = new CancellationTokenSource();
                var client = new KvsTestClient(process.BaseUrl) { HttpClient = new HttpClient() };
                var enough = new TaskCompletionSource();
                var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            var response = await client.CallAsync("CreateSignalingChannel", new JsonObject { ["ChannelName"] = $"r{round}-w{writer}-{i}" });
                            if (response.Status == HttpStatusCode.OK)
                            {
                                acknowledged.Add((string)response.Json!["ChannelARN"]!);
                                if (acknowledged.Count >= (round + 1) * 25)
                                {
                                    enough.TrySetResult();
                                }
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return;
                        }
                    }
                })).ToList();

                await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
                process.Process.Kill();
                await process.WaitForExitAsync();
                stop.Cancel();
                await Task.WhenAll(writers);
            }

            await using var last = await KvsLocalProcess.StartAsync("--port", "0", "--state-file", path);
            Assert.Superset(acknowledged.ToHashSet(), await ListArnsAsync(last.BaseUrl));
            Assert.Empty(Directory.EnumerateFiles(folder.FullName, "*.tmp"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HashSet<string>> ListArnsAsync(Uri baseUrl)
    {
        var output = await new KvsTestClient(baseUrl).CallOkAsync("ListSignalingChannels", new JsonObject { ["MaxResults"] = 10000 });
        return output["ChannelInfoList"]!.AsArray().Select(i => (string)i!["ChannelARN"]!).ToHashSet();
    }
}
