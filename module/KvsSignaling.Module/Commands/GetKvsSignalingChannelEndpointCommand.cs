using System.Diagnostics;
using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Gets the endpoints of signaling channels: one object per channel and role, in input order.
/// Lookups run concurrently (at most -ThrottleLimit at once) inside a bounded window, so memory
/// stays flat however long the input stream is.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KvsSignalingChannelEndpoint", DefaultParameterSetName = ByArn, HelpUri = HelpLinks.GetKvsSignalingChannelEndpoint)]
[OutputType(typeof(SignalingChannelEndpoint))]
public sealed class GetKvsSignalingChannelEndpointCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly Queue<Task<IReadOnlyList<object>>> window = new();
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private IReadOnlyList<ChannelRole> roles = Array.Empty<ChannelRole>();
    private IReadOnlyList<ChannelProtocol> protocols = Array.Empty<ChannelProtocol>();
    private SemaphoreSlim? throttle;
    private int completed;
    private TimeSpan? lastProgress;

    /// <summary>The channel ARNs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByArn)]
    [Alias("ARN", "ResourceARN")]
    public string[] ChannelARN { get; set; } = Array.Empty<string>();

    /// <summary>The channel names, resolved to ARNs with DescribeSignalingChannel.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ChannelNameCompleter))]
    public string[] ChannelName { get; set; } = Array.Empty<string>();

    /// <summary>MASTER, VIEWER or both; one output object per channel and role.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(RoleCompleter))]
    public string[] Role { get; set; } = { "MASTER" };

    /// <summary>Any of WSS, HTTPS and WEBRTC.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProtocolCompleter))]
    public string[] Protocol { get; set; } = { "WSS", "HTTPS" };

    /// <summary>How many channels are looked up at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>Asks the service even when the session's cache holds the endpoints.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private protected override void Begin()
    {
        base.Begin();
        roles = ValueListParser.ParseRoles(Role);
        protocols = ValueListParser.ParseProtocols(Protocol);
        throttle = new SemaphoreSlim(ThrottleLimit);
    }

    private protected override void Process()
    {
        var byName = ParameterSetName == ByName;
        foreach (var value in byName ? ChannelName : ChannelARN)
        {
            window.Enqueue(byName ? StartByName(value) : StartByArn(value));

            // Write what has finished at the head, and wait for the head only when the window is full.
            while (window.Count > 0 && (window.Peek().IsCompleted || window.Count > ThrottleLimit * 2))
            {
                Emit(window.Dequeue());
            }
        }

        Dispatcher.Drain();
    }

    private protected override void End()
    {
        while (window.Count > 0)
        {
            Emit(window.Dequeue());
        }

        if (lastProgress is not null)
        {
            WriteProgress(new ProgressRecord(0, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private string Activity => MyInvocation.MyCommand.Name;

    private Task<IReadOnlyList<object>> StartByArn(string value)
    {
        ChannelArn arn;
        try
        {
            arn = KvsSignaling.ChannelArn.Parse(value);
        }
        catch (ArgumentException exception)
        {
            return Done(ErrorRecords.InvalidChannelArn(value, exception));
        }

        var client = GetClient(arn.Region);
        return Start(ct => LookUpAsync(client, value, arn, ct));
    }

    private Task<IReadOnlyList<object>> StartByName(string value)
    {
        var client = GetClient();
        return Start(async ct =>
        {
            await throttle!.WaitAsync(ct).ConfigureAwait(false);
            SignalingChannelInfo info;
            try
            {
                info = await client.DescribeSignalingChannelByNameAsync(value, ct).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                return new object[] { ErrorRecords.InvalidArgument(ErrorIds.InvalidChannelName, exception, value) };
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                return new object[] { ErrorRecords.FromException(exception, value) };
            }
            finally
            {
                throttle.Release();
            }

            return await LookUpAsync(client, value, info.ChannelARN, ct).ConfigureAwait(false);
        });
    }

    private async Task<IReadOnlyList<object>> LookUpAsync(KvsSignalingClient client, string input, ChannelArn arn, CancellationToken cancellationToken)
    {
        var results = new List<object>(roles.Count);
        await throttle!.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var options = new GetEndpointOptions { BypassCache = Force.IsPresent };
            foreach (var role in roles)
            {
                var endpoints = await client.GetSignalingChannelEndpointAsync(arn, role, protocols, options, cancellationToken).ConfigureAwait(false);
                if (endpoints.FromCache)
                {
                    results.Add(new VerboseLine($"GetSignalingChannelEndpoint {arn} {role}: from the session's cache (-Force asks the service)."));
                }

                results.Add(new SignalingChannelEndpoint(endpoints).ToPSObject());
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // One error per input: the other role of a missing channel would only fail the same way.
            results.Add(ErrorRecords.FromException(exception, input));
        }
        finally
        {
            throttle.Release();
        }

        return results;
    }

    private void Emit(Task<IReadOnlyList<object>> lookup)
    {
        foreach (var item in Dispatcher.Wait(lookup))
        {
            if (item is ErrorRecord error)
            {
                WriteError(error);
            }
            else if (item is VerboseLine line)
            {
                WriteVerbose(line.Text);
            }
            else
            {
                WriteObject(item);
            }
        }

        completed++;
        ReportProgress();
    }

    private void ReportProgress()
    {
        var now = elapsed.Elapsed;
        if (now < ProgressDelay || now - lastProgress < ProgressInterval)
        {
            return;
        }

        lastProgress = now;
        WriteProgress(new ProgressRecord(0, Activity, $"{completed} channel(s) looked up") { PercentComplete = -1 });
    }

    /// <summary>A -Verbose line produced by background work, written on the pipeline thread in input order.</summary>
    private sealed class VerboseLine
    {
        public VerboseLine(string text) => Text = text;

        public string Text { get; }
    }

    private static Task<IReadOnlyList<object>> Done(object result) => Task.FromResult<IReadOnlyList<object>>(new[] { result });
}
