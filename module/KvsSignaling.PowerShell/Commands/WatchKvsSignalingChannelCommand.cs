using System.Globalization;
using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Connects to a signaling channel as master or viewer and writes every message that arrives, with the service's
/// notices and the connection's reconnects, until Ctrl+C, -Count peer messages or -Duration. The messages are read
/// on the pipeline thread (a blocking wait on the stream that Ctrl+C ends), so each is written as it arrives.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "KvsSignalingChannel", DefaultParameterSetName = ByArn, HelpUri = HelpLinks.WatchKvsSignalingChannel)]
[OutputType(typeof(SignalingMessageRecord))]
public sealed class WatchKvsSignalingChannelCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";

    // CancellationTokenSource.CancelAfter takes at most int.MaxValue milliseconds (about 24.8 days).
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMilliseconds(int.MaxValue);

    // A list, not a ChannelRole? field, so that reading the cmdlet's metadata at import does not load the core.
    private IReadOnlyList<ChannelRole>? fixedRole;

    /// <summary>The channel's ARN.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string ChannelARN { get; set; } = string.Empty;

    /// <summary>The channel's name, resolved to its ARN with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string ChannelName { get; set; } = string.Empty;

    /// <summary>MASTER or VIEWER: the role to connect as.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string Role { get; set; } = string.Empty;

    /// <summary>The viewer's client id; required for VIEWER, not allowed for MASTER.</summary>
    [Parameter]
    public string? ClientId { get; set; }

    /// <summary>Stops after this many peer messages (SDP offers, answers, ICE candidates).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>Stops after this long: a TimeSpan, or a number of seconds.</summary>
    [Parameter]
    [SecondsTransformation]
    public TimeSpan Duration { get; set; }

    private protected override void Begin()
    {
        base.Begin();
        GetKvsSignalingPresignedUrlCommand.CheckClientId(ClientId);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) && (Duration <= TimeSpan.Zero || Duration > MaxDuration))
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.InvalidDuration,
                string.Format(CultureInfo.InvariantCulture, "-Duration {0} is out of range: give more than 0 and at most {1:0} seconds (a TimeSpan, or a number of seconds).", Duration, MaxDuration.TotalSeconds),
                Duration));
        }

        if (MyInvocation.BoundParameters.ContainsKey(nameof(Role)))
        {
            fixedRole = new[] { TestKvsSignalingChannelCommand.ParseRole(Role) };
            CheckClientIdForRole(fixedRole[0]);
        }
    }

    private protected override void Process()
    {
        ChannelRole role;
        try
        {
            role = fixedRole?[0] ?? TestKvsSignalingChannelCommand.ParseRole(Role);
            CheckClientIdForRole(role);
        }
        catch (ParameterValueException exception)
        {
            WriteError(exception.ErrorRecord);
            return;
        }

        ForEachChannel(ParameterSetName == ByName, new[] { ChannelName }, new[] { ChannelARN }, input => Watch(input, role));
    }

    private void CheckClientIdForRole(ChannelRole role)
    {
        TestKvsSignalingChannelCommand.CheckRoleAndClientId(role, ClientId);
        if (role == ChannelRole.Viewer && ClientId is null)
        {
            // The master answers a viewer by its client id, so the watch does not make one up.
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.InvalidClientId, "-ClientId is required for the VIEWER role: 1 to 256 letters, digits, underscores, periods and hyphens, not starting with AWS_.", null));
        }
    }

    private void Watch(ChannelInput input, ChannelRole role)
    {
        var client = GetClient(input.Region);
        var clientId = role == ChannelRole.Viewer ? ClientId : null;
        KvsSignalingConnection connection;
        try
        {
            connection = Run(async ct =>
            {
                var arn = input.Arn ?? (await client.DescribeSignalingChannelByNameAsync(input.Text, ct).ConfigureAwait(false)).ChannelARN;
                var options = new SignalingConnectionOptions();
                if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)))
                {
                    options.ConnectTimeout = TimeSpan.FromSeconds(TimeoutSec);
                }

                return await client.ConnectAsync(arn, role, clientId, options, ct).ConfigureAwait(false);
            });
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidArgument(input.InvalidInputErrorId, exception, input.Text));
            return;
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.FromException(exception, input.Text));
            return;
        }

        WriteVerbose($"Connected to {connection.ChannelArn.Value} as {role.Value}{(clientId is null ? string.Empty : " " + clientId)}.");
        using var window = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Duration)))
        {
            window.CancelAfter(Duration);
        }

        var messages = connection.ReadAllAsync(window.Token).GetAsyncEnumerator(window.Token);
        Task<bool>? pending = null;
        var received = 0;
        try
        {
            while (true)
            {
                pending = messages.MoveNextAsync().AsTask();
                bool more;
                try
                {
                    more = Dispatcher.Wait(pending);
                }
                catch (OperationCanceledException) when (!StopToken.IsCancellationRequested)
                {
                    // -Duration is over.
                    break;
                }

                if (!more)
                {
                    break;
                }

                var message = messages.Current;
                WriteObject(new SignalingMessageRecord(DateTime.UtcNow, connection.ChannelArn, role, message).ToPSObject());
                if (message is SdpMessage or IceCandidateMessage && ++received == Count)
                {
                    break;
                }
            }
        }
        catch (KvsSignalingConnectionException exception)
        {
            // The service closed the connection, or it was lost and could not be reopened.
            WriteError(ErrorRecords.FromException(exception, input.Text));
        }
        finally
        {
            // An enumerator is disposed only between reads; a read still pending ends with the token just cancelled.
            window.Cancel();
            if (pending is null || pending.IsCompleted)
            {
                messages.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            connection.Dispose();
        }
    }
}
