using KvsSignaling.Local.Faults;
using KvsSignaling.Local.Hosting;

namespace KvsSignaling.Local.Tests.Hosting;

/// <summary>Flags and environment become options; every bad value is named with what is allowed.</summary>
public sealed class CommandLineTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Without_flags_the_defaults_apply()
    {
        var options = CommandLine.Parse([], NoEnvironment)!;

        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(0, options.Port);
        Assert.Equal(EndpointStyle.Local, options.EndpointStyle);
        Assert.Empty(options.Credentials);
        Assert.True(options.QuotasEnabled);
        Assert.Null(options.StateFilePath);
        Assert.False(options.ErrorTypeSuffix);
    }

    [Fact]
    public void Every_flag_is_read()
    {
        var options = CommandLine.Parse(
            [
                "--port", "8080", "--host", "127.0.0.2", "--endpoint-style", "aws", "--credential", "AKIDA:sa:111111111111",
                "--credential", "AKIDB:sb", "--default-account", "222222222222", "--quotas", "off",
                "--quota", "DescribeSignalingChannel=10/2", "--channel-limit", "3", "--seed", "42", "--state-file", "s.json",
                "--fault", "latency,op=ListSignalingChannels,count=2,rate=0.25,latency-ms=50", "--fault", "oversized-body,size-bytes=1000", "--fault", "throttle,error-code=RequestThrottledException",
                "--permissive-secret", "p", "--error-type-suffix",
            ],
            NoEnvironment)!;

        Assert.Equal(8080, options.Port);
        Assert.Equal("127.0.0.2", options.Host);
        Assert.Equal(EndpointStyle.Aws, options.EndpointStyle);
        Assert.Equal(["AKIDA", "AKIDB"], options.Credentials.Select(c => c.AccessKeyId));
        Assert.Equal(["111111111111", "222222222222"], options.Credentials.Select(c => c.AccountId));
        Assert.False(options.QuotasEnabled);
        Assert.Equal(new Local.Quotas.OperationQuota(10, 2), options.QuotaOverrides["DescribeSignalingChannel"]);
        Assert.Equal(3, options.ChannelLimit);
        Assert.Equal(42, options.FaultSeed);
        Assert.Equal("s.json", options.StateFilePath);
        Assert.Equal("p", options.PermissiveSecret);
        Assert.True(options.ErrorTypeSuffix);
        Assert.Equal(
            new FaultRule { Kind = FaultKind.Latency, Operation = "ListSignalingChannels", Count = 2, Rate = 0.25, LatencyMs = 50 },
            options.Faults[0]);
        Assert.Equal(FaultKind.OversizedBody, options.Faults[1].Kind);
        Assert.Equal(1000, options.Faults[1].SizeBytes);
        Assert.Equal(new FaultRule { Kind = FaultKind.Throttle, ErrorCode = "RequestThrottledException" }, options.Faults[2]);
    }

    [Fact]
    public void The_signaling_flags_are_read()
    {
        var options = CommandLine.Parse(
            [
                "--max-viewers", "3", "--connection-max-duration", "120", "--go-away-grace", "10", "--connection-idle-timeout", "30",
                "--max-frame-bytes", "4096", "--send-queue", "8", "--tls", "--tls-cert-file", "cert.pem", "--fault", "drop-message,op=SendSdpOffer",
            ],
            NoEnvironment)!;

        Assert.Equal(3, options.MaxViewers);
        Assert.Equal(TimeSpan.FromSeconds(120), options.ConnectionMaxDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.GoAwayGracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ConnectionIdleTimeout);
        Assert.Equal(4096, options.MaxFrameBytes);
        Assert.Equal(8, options.SendQueueCapacity);
        Assert.True(options.Tls);
        Assert.Equal("cert.pem", options.TlsCertificatePath);
        Assert.Equal(new FaultRule { Kind = FaultKind.DropMessage, Operation = "SendSdpOffer" }, Assert.Single(options.Faults));
    }

    [Fact]
    public void The_signaling_defaults_are_the_services()
    {
        var options = CommandLine.Parse([], NoEnvironment)!;

        Assert.Equal(10, options.MaxViewers);
        Assert.Equal(TimeSpan.FromHours(1), options.ConnectionMaxDuration);
        Assert.Equal(TimeSpan.FromMinutes(1), options.GoAwayGracePeriod);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ConnectionIdleTimeout);
        Assert.False(options.Tls);
    }

    [Fact]
    public void Credentials_and_the_permissive_secret_come_from_the_environment_too()
    {
        var environment = new Dictionary<string, string>
        {
            [CommandLine.CredentialsVariable] = "AKIDE1:s1:333333333333; AKIDE2:s2",
            [CommandLine.PermissiveSecretVariable] = "env-secret",
        };

        var options = CommandLine.Parse([], name => environment.GetValueOrDefault(name))!;

        Assert.Equal(["AKIDE1", "AKIDE2"], options.Credentials.Select(c => c.AccessKeyId));
        Assert.Equal("env-secret", options.PermissiveSecret);
    }

    [Fact]
    public void A_credentials_file_carries_session_tokens_and_expiry()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"Credentials":[{"AccessKeyId":"ASIAF","SecretAccessKey":"fs","AccountId":"444444444444","SessionToken":"tok","Expiration":"2030-01-01T00:00:00Z"}]}
                """);

            var credential = Assert.Single(CommandLine.Parse(["--credentials-file", path], NoEnvironment)!.Credentials);

            Assert.Equal("444444444444", credential.AccountId);
            Assert.Equal("tok", credential.SessionToken);
            Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), credential.Expiration);
            Assert.DoesNotContain("fs", credential.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--port", "-1", "-1")]
    [InlineData("--port", "abc", "abc")]
    [InlineData("--quota", "DescribeSignalingChannel", "DescribeSignalingChannel")]
    [InlineData("--quota", "X=1/2/3", "X=1/2/3")]
    [InlineData("--fault", "throttle,count=0", "count")]
    [InlineData("--fault", "throttle,rate=2", "Rate 2")]
    [InlineData("--fault", "throttle,colour=red", "colour")]
    [InlineData("--channel-limit", "many", "many")]
    [InlineData("--max-viewers", "0", "--max-viewers")]
    [InlineData("--connection-idle-timeout", "0", "--connection-idle-timeout")]
    [InlineData("--credentials-file", "/nonexistent/creds.json", "/nonexistent/creds.json")]
    public void A_bad_value_is_named(string flag, string value, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse([flag, value], NoEnvironment));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_flag_without_its_value_is_named()
    {
        Assert.Contains("--state-file", Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--state-file"], NoEnvironment)).Message);
    }

    [Fact]
    public void Help_returns_no_options()
    {
        Assert.Null(CommandLine.Parse(["--port", "1", "--help"], NoEnvironment));
    }
}
