using KvsSignaling.CredentialServices;
using KvsSignaling.Local;

namespace KvsSignaling.EndToEnd.Tests.Credentials;

/// <summary>
/// Credential stand-ins and a kvs-local that accepts only the temporary keys they hand out, so a lookup
/// succeeds only when the client used the keys its credential source obtained.
/// </summary>
public sealed class CredentialServicesFixture : IAsyncLifetime
{
    private CredentialServicesServer? _services;
    private KvsLocalServer? _kvsLocal;

    public CredentialServicesFixture()
        : this(TimeSpan.FromHours(1), 2)
    {
    }

    internal CredentialServicesFixture(TimeSpan window, int count)
    {
        Options = new CredentialServicesOptions
        {
            Schedule = new CredentialSchedule(DateTimeOffset.UtcNow, window, count, TimeSpan.FromSeconds(3)),
            SourceAccessKeys = new HashSet<string>([CredentialScenario.BaseAccessKey, CredentialScenario.EnvironmentAccessKey], StringComparer.Ordinal),
            Roles = new HashSet<string>(CredentialScenario.Roles, StringComparer.Ordinal),
        };
    }

    public CredentialServicesOptions Options { get; }

    public string Folder { get; } = Directory.CreateTempSubdirectory("kvs-credentials-").FullName;

    public CredentialServicesServer Services => _services ?? throw new InvalidOperationException("Not started.");

    public KvsLocalServer KvsLocal => _kvsLocal ?? throw new InvalidOperationException("Not started.");

    /// <summary>Every secret the scenarios involve, none of which may appear in any output.</summary>
    public IEnumerable<string> Secrets =>
        Options.Schedule.All.SelectMany(c => new[] { c.SecretAccessKey, c.SessionToken })
            .Concat([Options.SsoAccessToken, Options.WebIdentityToken, Options.ContainerAuthorizationToken, "base-source-secret", "environment-source-secret"]);

    public CredentialScenario Scenario(string name) => CredentialScenario.Create(name, Folder, Services.BaseUrl, Options);

    public async Task InitializeAsync()
    {
        _services = await CredentialServicesServer.StartAsync(Options);
        _kvsLocal = await KvsLocalServer.StartAsync(new KvsLocalOptions
        {
            QuotasEnabled = false,
            Credentials = Options.Schedule.All.Select(c => new KvsLocalCredential(c.AccessKeyId, c.SecretAccessKey, CredentialServicesServer.AccountId)
            {
                SessionToken = c.SessionToken,
                Expiration = c.UsableUntil,
            }).ToArray(),
        });
    }

    public async Task DisposeAsync()
    {
        if (_kvsLocal is not null)
        {
            await _kvsLocal.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
