namespace KvsSignaling.EndToEnd.Tests.Credentials;

/// <summary>
/// Temporary credentials that expire during a long sweep are renewed before kvs-local stops accepting them:
/// each key is the current one for 3 seconds and refused 3 seconds after that, so a client that kept an old
/// key would get ExpiredTokenException; one that renews on every request would call the container endpoint
/// once per lookup.
/// </summary>
public sealed class CredentialRenewalTests : IAsyncLifetime
{
    private readonly CredentialServicesFixture _fixture = new(TimeSpan.FromSeconds(3), 60);

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_sweep_longer_than_the_credentials_last_renews_them_before_they_expire()
    {
        var scenario = _fixture.Scenario("container");

        var result = await ProbeProcess.RunAsync(scenario.Environment, "--endpoint", _fixture.KvsLocal.BaseUrl.AbsoluteUri, "--channel", "renewal", "--seconds", "12");

        Assert.True(result.Errors.Count == 0, result.Output);
        var issued = _fixture.Services.Calls.Where(c => c.Issued is not null).ToList();
        var keys = issued.Select(c => c.Issued).Distinct().Count();
        Assert.True(keys >= 3, $"{keys} keys were handed out over 12 seconds of 3-second keys.");
        Assert.True(issued.Count <= 2 * keys, $"{issued.Count} container calls for {keys} keys: the client renewed more often than the keys expired.");
        Assert.True(result.Lookups > issued.Count, $"{result.Lookups} lookups for {issued.Count} renewals.");
    }
}
