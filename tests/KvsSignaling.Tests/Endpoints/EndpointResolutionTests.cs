using KvsSignaling.Endpoints;
using KvsSignaling.Tests.Infrastructure;

namespace KvsSignaling.Tests.Endpoints;

/// <summary>The control-plane URL across every partition, flag and override, held to the contract's rules and partitions.</summary>
public sealed class EndpointResolutionTests
{
    private static readonly EndpointRuleSet FromContract = new(
        Contract.Text("kinesisvideo-2017-09-30.endpoint-rules.json"),
        PartitionTable.Parse(Contract.Text("partitions.json")));

    [Theory]
    [InlineData("us-west-2", false, false, "https://kinesisvideo.us-west-2.amazonaws.com")]
    [InlineData("us-west-2", true, false, "https://kinesisvideo-fips.us-west-2.amazonaws.com")]
    [InlineData("us-west-2", false, true, "https://kinesisvideo.us-west-2.api.aws")]
    [InlineData("us-west-2", true, true, "https://kinesisvideo-fips.us-west-2.api.aws")]
    [InlineData("ap-southeast-7", false, false, "https://kinesisvideo.ap-southeast-7.amazonaws.com")]
    [InlineData("mars-central-1", false, false, "https://kinesisvideo.mars-central-1.amazonaws.com")]
    [InlineData("cn-north-1", false, false, "https://kinesisvideo.cn-north-1.amazonaws.com.cn")]
    [InlineData("cn-northwest-1", true, false, "https://kinesisvideo-fips.cn-northwest-1.amazonaws.com.cn")]
    [InlineData("cn-north-1", false, true, "https://kinesisvideo.cn-north-1.api.amazonwebservices.com.cn")]
    [InlineData("cn-north-1", true, true, "https://kinesisvideo-fips.cn-north-1.api.amazonwebservices.com.cn")]
    [InlineData("us-gov-west-1", false, false, "https://kinesisvideo.us-gov-west-1.amazonaws.com")]
    [InlineData("us-gov-east-1", true, false, "https://kinesisvideo-fips.us-gov-east-1.amazonaws.com")]
    [InlineData("us-gov-west-1", false, true, "https://kinesisvideo.us-gov-west-1.api.aws")]
    [InlineData("us-iso-east-1", false, false, "https://kinesisvideo.us-iso-east-1.c2s.ic.gov")]
    [InlineData("us-iso-west-1", true, false, "https://kinesisvideo-fips.us-iso-west-1.c2s.ic.gov")]
    [InlineData("us-iso-east-1", false, true, "https://kinesisvideo.us-iso-east-1.api.aws.ic.gov")]
    [InlineData("us-isob-east-1", false, false, "https://kinesisvideo.us-isob-east-1.sc2s.sgov.gov")]
    [InlineData("us-isob-east-1", true, true, "https://kinesisvideo-fips.us-isob-east-1.api.aws.scloud")]
    [InlineData("eu-isoe-west-1", false, false, "https://kinesisvideo.eu-isoe-west-1.cloud.adc-e.uk")]
    [InlineData("eu-isoe-west-1", false, true, "https://kinesisvideo.eu-isoe-west-1.api.cloud-aws.adc-e.uk")]
    [InlineData("us-isof-south-1", false, false, "https://kinesisvideo.us-isof-south-1.csp.hci.ic.gov")]
    [InlineData("us-isof-east-1", true, false, "https://kinesisvideo-fips.us-isof-east-1.csp.hci.ic.gov")]
    [InlineData("eusc-de-east-1", false, false, "https://kinesisvideo.eusc-de-east-1.amazonaws.eu")]
    [InlineData("eusc-de-east-1", true, true, "https://kinesisvideo-fips.eusc-de-east-1.api.amazonwebservices.eu")]
    public void Known_regions_resolve(string region, bool fips, bool dualStack, string expected)
    {
        Assert.Equal(expected, EndpointRuleSet.Embedded.Resolve(region, fips, dualStack, null));
        Assert.Equal(expected, FromContract.Resolve(region, fips, dualStack, null));
        Assert.Equal(new Uri(expected), ControlPlaneEndpoint.Resolve(null, _ => null, region, fips, dualStack, EndpointRuleSet.Embedded));
    }

    /// <summary>Every region of every partition in partitions.json, with every flag combination.</summary>
    public static TheoryData<string, string, bool, bool> EveryRegion()
    {
        var data = new TheoryData<string, string, bool, bool>();
        using var partitions = Contract.Load("partitions.json");
        foreach (var partition in partitions.RootElement.GetProperty("partitions").EnumerateArray())
        {
            foreach (var region in partition.GetProperty("regions").EnumerateObject())
            {
                foreach (var (fips, dualStack) in new[] { (false, false), (true, false), (false, true), (true, true) })
                {
                    data.Add(partition.GetProperty("id").GetString()!, region.Name, fips, dualStack);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRegion))]
    public void Every_contract_region_resolves_with_its_partition_suffix(string partitionId, string region, bool fips, bool dualStack)
    {
        using var partitions = Contract.Load("partitions.json");
        var outputs = partitions.RootElement.GetProperty("partitions").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == partitionId).GetProperty("outputs");
        var suffix = outputs.GetProperty(dualStack ? "dualStackDnsSuffix" : "dnsSuffix").GetString();
        var expected = $"https://kinesisvideo{(fips ? "-fips" : string.Empty)}.{region}.{suffix}";
        Assert.Equal(expected, EndpointRuleSet.Embedded.Resolve(region, fips, dualStack, null));
    }

    [Fact]
    public void The_table_covers_every_partition_of_the_contract()
    {
        using var partitions = Contract.Load("partitions.json");
        var ids = partitions.RootElement.GetProperty("partitions").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-eusc" }, ids);
    }

    [Theory]
    [InlineData(true, false, "FIPS and custom endpoint are not supported")]
    [InlineData(false, true, "Dualstack and custom endpoint are not supported")]
    [InlineData(true, true, "FIPS and custom endpoint are not supported")]
    public void Custom_endpoint_with_fips_or_dual_stack_is_the_rules_error(bool fips, bool dualStack, string message)
    {
        var ruleError = Assert.Throws<EndpointRuleException>(() => FromContract.Resolve("us-west-2", fips, dualStack, "http://127.0.0.1:1"));
        Assert.Contains(message, ruleError.Message, StringComparison.Ordinal);

        var error = Assert.Throws<ArgumentException>(() => ControlPlaneEndpoint.Resolve(new Uri("http://127.0.0.1:1"), _ => null, "us-west-2", fips, dualStack, EndpointRuleSet.Embedded));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("EndpointUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_endpoint_is_used_as_given_without_a_region()
    {
        Assert.Equal("http://127.0.0.1:4566/", FromContract.Resolve(null, false, false, "http://127.0.0.1:4566/"));
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), ControlPlaneEndpoint.Resolve(new Uri("http://127.0.0.1:4566"), _ => null, null, false, false, EndpointRuleSet.Embedded));
    }

    [Fact]
    public void Missing_region_is_the_rules_error_and_a_clear_argument_error()
    {
        Assert.Contains("Missing Region", Assert.Throws<EndpointRuleException>(() => FromContract.Resolve(null, false, false, null)).Message, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => ControlPlaneEndpoint.Resolve(null, _ => null, null, false, false, EndpointRuleSet.Embedded));
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US-WEST-2")]
    [InlineData("us_west_2")]
    [InlineData("us-west-2.evil.com")]
    [InlineData("us-west-2/")]
    [InlineData("-us-west-2")]
    public void Regions_that_are_not_host_labels_are_rejected_by_name(string region)
    {
        var error = Assert.Throws<ArgumentException>(() => ControlPlaneEndpoint.Resolve(null, _ => null, region, false, false, EndpointRuleSet.Embedded));
        Assert.Contains($"'{region}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_precedence_is_explicit_then_service_variable_then_global_variable_then_region()
    {
        var both = Environment(("AWS_ENDPOINT_URL_KINESIS_VIDEO", "http://127.0.0.1:2001"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:2002"));
        var global = Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:2002"));
        var rules = EndpointRuleSet.Embedded;

        Assert.Equal(new Uri("http://127.0.0.1:2000/"), ControlPlaneEndpoint.Resolve(new Uri("http://127.0.0.1:2000"), both, "us-west-2", false, false, rules));
        Assert.Equal(new Uri("http://127.0.0.1:2001/"), ControlPlaneEndpoint.Resolve(null, both, "us-west-2", false, false, rules));
        Assert.Equal(new Uri("http://127.0.0.1:2002/"), ControlPlaneEndpoint.Resolve(null, global, "us-west-2", false, false, rules));
        Assert.Equal(new Uri("https://kinesisvideo.us-west-2.amazonaws.com"), ControlPlaneEndpoint.Resolve(null, Environment(("AWS_ENDPOINT_URL", "  ")), "us-west-2", false, false, rules));
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_KINESIS_VIDEO", "not a url")]
    [InlineData("AWS_ENDPOINT_URL", "ftp://127.0.0.1")]
    [InlineData("AWS_ENDPOINT_URL", "http://127.0.0.1/?q=1")]
    public void Bad_endpoint_variables_are_named(string variable, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ControlPlaneEndpoint.Resolve(null, Environment((variable, value)), "us-west-2", false, false, EndpointRuleSet.Embedded));
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_endpoint_with_fips_is_the_rules_error_naming_the_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => ControlPlaneEndpoint.Resolve(null, Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:9")), "us-west-2", true, false, EndpointRuleSet.Embedded));
        Assert.Contains("AWS_ENDPOINT_URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("FIPS and custom endpoint are not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_takes_region_from_options_then_AWS_REGION_then_AWS_DEFAULT_REGION()
    {
        using var fromOptions = Client("eu-west-1", Environment(("AWS_REGION", "eu-west-2"), ("AWS_DEFAULT_REGION", "eu-west-3")));
        using var fromRegion = Client(null, Environment(("AWS_REGION", "eu-west-2"), ("AWS_DEFAULT_REGION", "eu-west-3")));
        using var fromDefault = Client(null, Environment(("AWS_DEFAULT_REGION", "eu-west-3")));
        Assert.Equal("eu-west-1", fromOptions.Region);
        Assert.Equal(new Uri("https://kinesisvideo.eu-west-1.amazonaws.com"), fromOptions.Endpoint);
        Assert.Equal("eu-west-2", fromRegion.Region);
        Assert.Equal("eu-west-3", fromDefault.Region);
        Assert.Equal(new Uri("https://kinesisvideo.eu-west-3.amazonaws.com"), fromDefault.Endpoint);
    }

    [Fact]
    public void Client_reads_the_region_of_a_named_profile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "[kvs-region-test]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\nregion = ap-northeast-2\n");
            using var client = new KvsSignalingClient(new KvsSignalingClientOptions
            {
                ProfileName = "kvs-region-test",
                ProfilesLocation = file,
                EnvironmentVariable = _ => null,
            });
            Assert.Equal("ap-northeast-2", client.Region);
            Assert.Equal(new Uri("https://kinesisvideo.ap-northeast-2.amazonaws.com"), client.Endpoint);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static KvsSignalingClient Client(string? region, Func<string, string?> environment) =>
        new(new KvsSignalingClientOptions { Region = region, EnvironmentVariable = environment, ProfilesLocation = Path.Combine(Path.GetTempPath(), "kvs-no-such-profile-file") });

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}
