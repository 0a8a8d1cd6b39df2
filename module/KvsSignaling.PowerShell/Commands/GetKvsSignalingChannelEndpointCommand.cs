using System.Diagnostics;
using System.Management.Automation;
using KvsSignaling.Caching;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Clients;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// Gets the endpoints of signaling channels: one object per channel and role, in input order.
/// Lookups run concurrently, at most -ThrottleLimit at once: the window of lookups in flight is that wide,
/// so memory stays flat however long the input stream is. An ARN the session's cache already answered is
/// written at once on the pipeline thread, from the object made for that cache entry.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KvsSignalingChannelEndpoint", DefaultParameterSetName = ByArn, HelpUri = HelpLinks.GetKvsSignalingChannelEndpoint)]
[OutputType(typeof(SignalingChannelEndpoint))]
public sealed class GetKvsSignalingChannelEndpointCommand : KvsCmdlet
{
    private const string ByArn = "ChannelARN";
    private const string ByName = "ChannelName";
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly Queue<Task<Lookup>> window = new();
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private IReadOnlyList<ChannelRole> roles = Array.Empty<ChannelRole>();
    private IReadOnlyList<ChannelProtocol> protocols = Array.Empty<ChannelProtocol>();
    private string protocolsKey = string.Empty;
    private string shape = string.Empty;
    private bool verbose;
    private int completed;
    private TimeSpan? lastProgress;

    // The client and memo of the last ARN region seen: inputs of one region find them without parsing the ARN.
    private string? lastRegion;
    private KvsSignalingClient? lastClient;
    private EndpointHitMemo? lastMemo;

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
        protocolsKey = EndpointCache.ProtocolsKey(protocols);
        shape = string.Join(",", roles.Select(r => r.Value)) + "\n" + protocolsKey;
        verbose = IsVerbose();
    }

    private protected override void Process()
    {
        var byName = ParameterSetName == ByName;
        foreach (var value in byName ? ChannelName : ChannelARN)
        {
            if (!byName && !Force.IsPresent && FindHits(value) is { } hits)
            {
                if (window.Count == 0)
                {
                    WriteHits(hits);
                    continue;
                }

                // Earlier inputs are still in flight: the answer waits its turn.
                window.Enqueue(Task.FromResult(new Lookup(hits)));
            }
            else
            {
                window.Enqueue(byName ? StartByName(value) : StartByArn(value));
            }

            // Write what has finished at the head, and wait for the head only when the window is full.
            while (window.Count > 0 && (window.Peek().IsCompleted || window.Count >= ThrottleLimit))
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

    /// <summary>The ready answers for an ARN input of the last region seen, or null (then the input takes the full path).</summary>
    private EndpointHit[]? FindHits(string value)
    {
        if (lastMemo is null || lastRegion is null || !HasRegion(value, lastRegion))
        {
            return null;
        }

        return lastMemo.Find(value);
    }

    private Task<Lookup> StartByArn(string value)
    {
        ChannelArn arn;
        try
        {
            arn = KvsSignaling.ChannelArn.Parse(value);
        }
        catch (ArgumentException exception)
        {
            return Task.FromResult(new Lookup(ErrorRecords.InvalidChannelArn(value, exception)));
        }

        var client = GetClient(arn.Region);
        if (!ReferenceEquals(client, lastClient) || lastRegion != arn.Region)
        {
            lastRegion = arn.Region;
            lastClient = client;
            lastMemo = EndpointHitMemo.For(client, shape);
        }

        var memo = Force.IsPresent ? null : lastMemo;

        // The first input of a region in this invocation comes here even when the memo can answer it.
        if (memo?.Find(value) is { } hits)
        {
            return Task.FromResult(new Lookup(hits));
        }

        return StartInline(ct => LookUpAsync(client, value, arn, memo, ct));
    }

    private Task<Lookup> StartByName(string value)
    {
        var client = GetClient();
        return StartInline(async ct =>
        {
            SignalingChannelInfo info;
            try
            {
                info = await client.DescribeSignalingChannelByNameAsync(value, ct).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                return new Lookup(ErrorRecords.InvalidArgument(ErrorIds.InvalidChannelName, exception, value));
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                return new Lookup(ErrorRecords.FromException(exception, value));
            }

            // Answers are kept by ARN input only: a name could come to name another channel.
            return await LookUpAsync(client, value, info.ChannelARN, null, ct).ConfigureAwait(false);
        });
    }

    private async Task<Lookup> LookUpAsync(KvsSignalingClient client, string input, ChannelArn arn, EndpointHitMemo? memo, CancellationToken cancellationToken)
    {
        var results = new List<object>(roles.Count);
        var hits = memo is null ? null : new EndpointHit[roles.Count];
        try
        {
            var options = new GetEndpointOptions { BypassCache = Force.IsPresent };
            for (var i = 0; i < roles.Count; i++)
            {
                var role = roles[i];
                var endpoints = await client.GetSignalingChannelEndpointAsync(arn, role, protocols, options, cancellationToken).ConfigureAwait(false);
                if (endpoints.FromCache && verbose)
                {
                    results.Add(new VerboseLine($"GetSignalingChannelEndpoint {arn} {role}: from the session's cache (-Force asks the service)."));
                }

                results.Add(new SignalingChannelEndpoint(endpoints).ToPSObject());
                if (hits is not null)
                {
                    var hit = memo!.Prepare(client, arn, role, protocolsKey);
                    if (hit is null)
                    {
                        hits = null;
                    }
                    else
                    {
                        hits[i] = hit;
                    }
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // One error per input: the other role of a missing channel would only fail the same way.
            results.Add(ErrorRecords.FromException(exception, input));
            hits = null;
        }

        if (hits is not null)
        {
            memo!.Remember(input, hits);
        }

        return new Lookup(results);
    }

    private void Emit(Task<Lookup> lookup)
    {
        var outcome = Dispatcher.Wait(lookup);
        if (outcome.Hits is { } hits)
        {
            WriteHits(hits);
            return;
        }

        foreach (var item in outcome.Items!)
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

    private void WriteHits(EndpointHit[] hits)
    {
        foreach (var hit in hits)
        {
            if (verbose)
            {
                WriteVerbose(hit.VerboseText);
            }

            WriteObject(hit.Output);
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

    /// <summary>True when the ARN text's region field (the fourth, after arn:partition:service:) is <paramref name="region"/>.</summary>
    private static bool HasRegion(string arn, string region)
    {
        var start = 0;
        for (var field = 0; field < 3; field++)
        {
            start = arn.IndexOf(':', start) + 1;
            if (start == 0)
            {
                return false;
            }
        }

        return arn.Length > start + region.Length && arn[start + region.Length] == ':' && string.CompareOrdinal(arn, start, region, 0, region.Length) == 0;
    }

    /// <summary>What one input produced: objects, errors and -Verbose lines in order, or the ready answers of a cache hit.</summary>
    private sealed class Lookup
    {
        public Lookup(List<object> items) => Items = items;

        public Lookup(object item) => Items = new List<object>(1) { item };

        public Lookup(EndpointHit[] hits) => Hits = hits;

        public List<object>? Items { get; }

        public EndpointHit[]? Hits { get; }
    }

    /// <summary>A -Verbose line produced by background work, written on the pipeline thread in input order.</summary>
    private sealed class VerboseLine
    {
        public VerboseLine(string text) => Text = text;

        public string Text { get; }
    }
}
