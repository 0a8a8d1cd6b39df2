using KvsSignaling.CredentialServices;

namespace KvsSignaling.EndToEnd.Tests.Credentials;

/// <summary>
/// Every credential source that real accounts use, through the SDK's own providers against loopback stand-ins
/// for STS, the IAM Identity Center portal, a credential process and a container endpoint. Each scenario runs the
/// library in a fresh process with the scenario's environment, as a service would start.
/// </summary>
public sealed class CredentialSourceTests(CredentialServicesFixture fixture) : IClassFixture<CredentialServicesFixture>
{
    private const string Sts = "sts";

    public static TheoryData<string, string, string, string, string?> Sources => new()
    {
        // scenario, service, action, subject, the key that signed the call (STS AssumeRole only)
        { "assume-role", Sts, "AssumeRole", CredentialScenario.Roles[0], CredentialScenario.BaseAccessKey },
        { "credential-source-environment", Sts, "AssumeRole", CredentialScenario.Roles[0], CredentialScenario.EnvironmentAccessKey },
        { "web-identity-environment", Sts, "AssumeRoleWithWebIdentity", CredentialScenario.Roles[2], null },
        { "web-identity-profile", Sts, "AssumeRoleWithWebIdentity", CredentialScenario.Roles[2], null },
        { "sso-session", "sso", "GetRoleCredentials", $"{CredentialServicesServer.AccountId}/KvsOperator", null },
        { "sso-legacy", "sso", "GetRoleCredentials", $"{CredentialServicesServer.AccountId}/KvsOperator", null },
        { "credential-process", "process", "GetCredentials", CredentialServicesServer.ProcessPath, null },
        { "container", "container", "GetCredentials", CredentialServicesServer.ContainerPath, null },
    };

    public static TheoryData<string> Failing => new() { "sso-expired", "unknown-profile", "no-credentials" };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Each_source_signs_with_the_temporary_keys_it_obtained(string name, string service, string action, string subject, string? caller)
    {
        var scenario = fixture.Scenario(name);
        var before = fixture.Services.Calls.Count;

        var result = await Probe(scenario, "--channel", "cred-" + name);

        Assert.True(result.Errors.Count == 0, result.Output);
        Assert.Equal(1, result.Lookups);
        var call = Assert.Single(fixture.Services.Calls.Skip(before));
        Assert.Equal((service, action, subject, caller, (string?)null), (call.Service, call.Action, call.Subject, call.Caller, call.Refusal));
        Assert.StartsWith("ASIA", call.Issued, StringComparison.Ordinal);
        AssertNoSecret(result.Output);
    }

    [Fact]
    public async Task A_chained_role_is_assumed_with_the_keys_of_the_role_before_it()
    {
        var before = fixture.Services.Calls.Count;

        var result = await Probe(fixture.Scenario("role-chaining"), "--channel", "cred-chained");

        Assert.True(result.Errors.Count == 0, result.Output);
        var calls = fixture.Services.Calls.Skip(before).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal((CredentialScenario.Roles[0], CredentialScenario.BaseAccessKey), (calls[0].Subject, calls[0].Caller));
        Assert.Equal((CredentialScenario.Roles[1], calls[0].Issued), (calls[1].Subject, calls[1].Caller));
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public async Task A_source_that_fails_is_one_credentials_error_naming_it_before_any_request(string name)
    {
        var scenario = fixture.Scenario(name);
        var requests = fixture.KvsLocal.Admin.RequestCounts.Values.Sum();

        var upFront = await Probe(scenario, "--resolve-only");
        var onFirstCall = await Probe(scenario, "--channel", "cred-" + name);

        foreach (var result in new[] { upFront, onFirstCall })
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(nameof(KvsCredentialsException), error.Type);
            Assert.Contains(scenario.ExpectedFailure!, error.Message, StringComparison.Ordinal);
            Assert.Equal(scenario.ProfileName, error.ProfileName);
            Assert.Equal(scenario.Source, error.CredentialSource);
            AssertNoSecret(result.Output);
        }

        Assert.Equal(requests, fixture.KvsLocal.Admin.RequestCounts.Values.Sum());
    }

    private Task<ProbeResult> Probe(CredentialScenario scenario, params string[] arguments)
    {
        string[] common = ["--endpoint", fixture.KvsLocal.BaseUrl.AbsoluteUri];
        return ProbeProcess.RunAsync(scenario.Environment, [.. common, .. scenario.ProfileName is null ? [] : new[] { "--profile", scenario.ProfileName }, .. arguments]);
    }

    private void AssertNoSecret(string output)
    {
        foreach (var secret in fixture.Secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }
}
