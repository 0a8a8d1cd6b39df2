using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Runs, for each channel, the checks an admin runs when a peer does not connect, in order: the channel resolves
/// (DescribeSignalingChannel), its endpoints come back (GetSignalingChannelEndpoint, WSS and HTTPS), its ICE servers
/// come back (GetIceServerConfig), and a WebSocket opens with these credentials in the role. A failing check is a
/// result (Passed false, the checks after it Skipped), not an error; bad input is an error, before any request.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "KvsSignalingChannel", DefaultParameterSetName = ByArn, HelpUri = HelpLinks.TestKvsSignalingChannel)]
[OutputType(typeof(SignalingChannelTest), typeof(bool))]
public sealed class TestKvsSignalingChannelCommand : KvsCmdlet
{
    internal const string DescribeStep = "Describe";
    internal const string EndpointsStep = "Endpoints";
    internal const string IceServersStep = "IceServers";
    internal const string WebSocketStep = "WebSocket";

    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    private static readonly string[] StepNames = { DescribeStep, EndpointsStep, IceServersStep, WebSocketStep };

    // A list, not a ChannelRole? field: a struct field of the core's type would load the core when PowerShell
    // reads the cmdlet's metadata at import, and the module loads no AWS SDK until a cmdlet runs.
    private IReadOnlyList<ChannelRole>? fixedRole;
    private string? generatedClientId;

    /// <summary>The channel ARNs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The channel names, resolved to ARNs with DescribeSignalingChannel (the first check).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>The role to test as: VIEWER (default) or MASTER.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string Role { get; set; } = ChannelRole.Viewer.Value;

    /// <summary>The viewer's client id; a generated one when not given; not allowed for MASTER.</summary>
    [Parameter]
    public string? ClientId { get; set; }

    /// <summary>Writes only True or False per channel instead of the result object.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private protected override void Begin()
    {
        base.Begin();
        GetKvsSignalingPresignedUrlCommand.CheckClientId(ClientId);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Role)))
        {
            fixedRole = new[] { ParseRole(Role) };
            CheckRoleAndClientId(fixedRole[0], ClientId);
        }

        // One id for the whole call: a viewer's connection is the test's, not a real viewer's, and says so.
        generatedClientId = "kvs-test-" + Guid.NewGuid().ToString("N").Substring(0, 12);
    }

    /// <summary>-Role as one role, or InvalidRole.</summary>
    internal static ChannelRole ParseRole(string? role) => ValueListParser.ParseRoles(new[] { role! })[0];

    /// <summary>A master connects without a client id, as the library and the service require.</summary>
    internal static void CheckRoleAndClientId(ChannelRole role, string? clientId)
    {
        if (role == ChannelRole.Master && clientId is not null)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.InvalidClientId, $"-ClientId '{clientId}' is not allowed with -Role MASTER: a master connects without a client id. Leave -ClientId out, or use -Role VIEWER.", clientId));
        }
    }

    private protected override void Process()
    {
        ChannelRole role;
        try
        {
            role = fixedRole?[0] ?? ParseRole(Role);
            CheckRoleAndClientId(role, ClientId);
        }
        catch (ParameterValueException exception)
        {
            WriteError(exception.ErrorRecord);
            return;
        }

        ForEachChannel(ParameterSetName == ByName, ChannelName, ChannelARN, input => TestChannel(input, role));
    }

    private void TestChannel(ChannelInput input, ChannelRole role)
    {
        var client = GetClient(input.Region);
        var clientId = role == ChannelRole.Viewer ? ClientId ?? generatedClientId : null;
        var arn = input.Arn;
        var name = input.Arn?.ChannelName ?? input.Text;
        var steps = new List<SignalingChannelTestStep>();
        try
        {
            var passed = RunStep(steps, DescribeStep, async ct =>
            {
                var info = await DescribeAsync(client, input, ct).ConfigureAwait(false);
                arn = info.ChannelARN;
                name = info.ChannelName;
                return $"{info.ChannelType} {info.ChannelStatus}, version {info.Version}";
            });
            passed = passed && RunStep(steps, EndpointsStep, async ct =>
            {
                var endpoints = await client.GetSignalingChannelEndpointAsync(arn!, role, null, new GetEndpointOptions { BypassCache = true }, ct).ConfigureAwait(false);
                return string.Join("; ", endpoints.Endpoints.Select(e => e.ToString()));
            });
            passed = passed && RunStep(steps, IceServersStep, async ct =>
            {
                var options = new GetIceServerConfigOptions { Role = role, BypassCache = true };
                var servers = await client.GetIceServerConfigAsync(arn!, clientId, options, ct).ConfigureAwait(false);
                return string.Format(CultureInfo.InvariantCulture, "{0} server{1}", servers.Count, servers.Count == 1 ? string.Empty : "s");
            });
            _ = passed && RunStep(steps, WebSocketStep, async ct =>
            {
                var options = new SignalingConnectionOptions { MaxReconnectAttempts = 0 };
                if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)))
                {
                    options.ConnectTimeout = TimeSpan.FromSeconds(TimeoutSec);
                }

                var connection = await client.ConnectAsync(arn!, role, clientId, options, ct).ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
                return role == ChannelRole.Master ? "connected as MASTER" : $"connected as VIEWER {clientId}";
            });
        }
        catch (ArgumentException exception)
        {
            // Only input the core refuses before any request gets here, e.g. a channel name outside the model.
            WriteError(ErrorRecords.InvalidArgument(input.InvalidInputErrorId, exception, input.Text));
            return;
        }

        foreach (var skipped in StepNames.Skip(steps.Count))
        {
            steps.Add(SignalingChannelTestStep.Skip(skipped));
        }

        var result = new SignalingChannelTest(arn?.Value, name, role, clientId, steps);
        WriteObject(Quiet.IsPresent ? result.Passed : result.ToPSObject());
    }

    /// <summary>Runs one check and records it; false when it failed. An argument the core refused is thrown on.</summary>
    private bool RunStep(List<SignalingChannelTestStep> steps, string name, Func<CancellationToken, Task<string?>> check)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var detail = Run(async ct =>
            {
                var found = await check(ct).ConfigureAwait(false);
                clock.Stop();
                return found;
            });
            steps.Add(SignalingChannelTestStep.Pass(name, clock.Elapsed, detail));
            return true;
        }
        catch (Exception exception) when (exception is not (PipelineStoppedException or ArgumentException))
        {
            clock.Stop();
            var record = ErrorRecords.FromException(exception, null);
            steps.Add(SignalingChannelTestStep.Fail(name, clock.Elapsed, record.ErrorDetails?.Message ?? exception.Message, record.FullyQualifiedErrorId));
            return false;
        }
    }
}
