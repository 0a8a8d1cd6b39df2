using System.Globalization;
using System.Management.Automation;
using KvsSignaling.PowerShell.Arguments;
using KvsSignaling.PowerShell.Clients;
using KvsSignaling.PowerShell.Errors;
using KvsSignaling.PowerShell.Output;
using KvsSignaling.PowerShell.Pipeline;
using Amazon.Runtime;

namespace KvsSignaling.PowerShell.Commands;

/// <summary>
/// What every KvsSignaling cmdlet shares: the common AWS parameters, the session-wide client for
/// them, cancellation on Ctrl+C, and the rule that background work never writes to PowerShell
/// itself but posts its writes to the pipeline thread.
/// </summary>
public abstract class KvsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    // The clients this invocation uses, by the ARN region asked for ("" for none): settings, their key and the
    // credential check are worked out once per region, not once per piped input.
    private readonly Dictionary<string, KvsSignalingClient> clientsByRegion = new(StringComparer.Ordinal);
    private PipelineDispatcher? dispatcher;
    private Action<KvsRequestTrace>? traceSink;
    private static readonly Action<KvsRequestTrace> NoTrace = _ => { };

    /// <summary>
    /// The AWS region, e.g. us-west-2. Defaults like AWS Tools and the AWS CLI: $StoredAWSRegion (Set-DefaultAWSRegion),
    /// AWS_REGION, AWS_DEFAULT_REGION, the profile's region. Cmdlets that take an ARN call the ARN's region unless this is given.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>The shared config/credentials profile to use.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("Profile", "StoredCredentials")]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>A credentials file to read -ProfileName from instead of the default shared files.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    public string? ProfileLocation { get; set; }

    /// <summary>An explicit control-plane URL, e.g. http://127.0.0.1:4566 for a local emulator.</summary>
    [Parameter]
    [ValidateNotNull]
    [Alias("EndpointUri")]
    public Uri? EndpointUrl { get; set; }

    /// <summary>The access key id; needs -SecretKey.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("AccessKeyId")]
    public string? AccessKey { get; set; }

    /// <summary>The secret access key; needs -AccessKey.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("SecretAccessKey")]
    public string? SecretKey { get; set; }

    /// <summary>The session token of temporary credentials.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    /// <summary>
    /// Credentials: a PSCredential (user name = access key id, password = secret access key), or an AWSCredentials
    /// object, including AWS Tools' own (Get-AWSCredential), read by its shape.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object? Credential { get; set; }

    /// <summary>
    /// The most requests per second the session's client sends for each operation, so that a long run stays
    /// under the service quota (300 per second per account for GetSignalingChannelEndpoint) instead of being
    /// throttled and retrying. Without it requests are paced only once the service throttles (adaptive retries).
    /// </summary>
    [Parameter]
    [ValidateRange(0.1, 100000.0)]
    public double MaxRequestsPerSecond { get; set; }

    /// <summary>Attempts per request, including the first (1-50). Without it: AWS_MAX_ATTEMPTS, the profile's max_attempts, else 3.</summary>
    [Parameter]
    [ValidateRange(1, 50)]
    public int MaxAttempts { get; set; }

    /// <summary>How long one attempt may take, in seconds (1-3600; default 10).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C or the command ends early.</summary>
    private protected CancellationToken StopToken => stopping.Token;

    /// <summary>Runs posted writes on the pipeline thread while waiting for background work.</summary>
    private protected PipelineDispatcher Dispatcher => dispatcher ??= new PipelineDispatcher(stopping.Token);

    /// <summary>Cancels work still in flight, e.g. after -ErrorAction Stop ended the pipeline early.</summary>
    public void Dispose()
    {
        // The source is cancelled, not disposed: tasks still running may yet register on its token.
        stopping.Cancel();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => stopping.Cancel();

    /// <inheritdoc />
    protected sealed override void BeginProcessing() => Guard(Begin);

    /// <inheritdoc />
    protected sealed override void ProcessRecord() => Guard(Process);

    /// <inheritdoc />
    protected sealed override void EndProcessing() => Guard(End);

    /// <summary>The begin block; checks arguments that make the whole call unusable.</summary>
    private protected virtual void Begin()
    {
        if ((AccessKey is null) != (SecretKey is null))
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.IncompleteCredentials,
                AccessKey is null ? "-SecretKey needs -AccessKey: give both, or neither." : "-AccessKey needs -SecretKey: give both, or neither.",
                null));
        }

        if (Credential is not null && AccessKey is not null)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.IncompleteCredentials, "Give either -Credential or -AccessKey and -SecretKey, not both.", null));
        }

        if (SessionToken is not null && AccessKey is null && Credential is not PSCredential)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.IncompleteCredentials, "-SessionToken needs -AccessKey and -SecretKey, or -Credential as a PSCredential.", null));
        }

        if (Credential is not null && Credential is not PSCredential && ShapedCredentials.From(Credential) is null)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.IncompleteCredentials,
                $"-Credential takes a PSCredential (user name = access key id, password = secret access key) or an AWSCredentials object; a {PSObject.AsPSObject(Credential).BaseObject.GetType().FullName} is neither.",
                Credential));
        }

        if (EndpointUrl is not null && (!EndpointUrl.IsAbsoluteUri || (EndpointUrl.Scheme != Uri.UriSchemeHttp && EndpointUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(
                ErrorIds.InvalidClientConfiguration,
                $"-EndpointUrl '{EndpointUrl.OriginalString}' is not a usable endpoint: give an absolute http:// or https:// URL, for example http://127.0.0.1:4566.",
                EndpointUrl.OriginalString));
        }
    }

    /// <summary>The process block, once per pipeline input.</summary>
    private protected virtual void Process()
    {
    }

    /// <summary>The end block.</summary>
    private protected virtual void End()
    {
    }

    /// <summary>Parses one ARN input; a malformed one is written as that input's error and yields null.</summary>
    private protected ChannelArn? ParseArnOrWriteError(string value)
    {
        try
        {
            return ChannelArn.Parse(value);
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidChannelArn(value, exception));
            return null;
        }
    }

    /// <summary>
    /// The session's client for these parameters. <paramref name="arnRegion"/>, the region of the ARN an input names,
    /// is called unless -Region was given: a channel lives in its ARN's region, whatever the session's default is.
    /// </summary>
    private protected KvsSignalingClient GetClient(string? arnRegion = null)
    {
        if (clientsByRegion.TryGetValue(arnRegion ?? string.Empty, out var known))
        {
            return known;
        }

        var settings = new ClientSettings
        {
            Region = Region ?? arnRegion ?? StoredRegion(),
            EndpointUrl = EndpointUrl,
            ProfileName = ProfileName,
            ProfileLocation = ProfileLocation,
            AccessKey = (Credential as PSCredential)?.UserName ?? AccessKey,
            SecretKey = (Credential as PSCredential)?.GetNetworkCredential().Password ?? SecretKey,
            SessionToken = SessionToken,
            Credentials = Credential is null or PSCredential ? StoredCredentials() : ShapedCredentials.From(Credential),
            MaxRequestsPerSecond = IsBound(nameof(MaxRequestsPerSecond)) ? MaxRequestsPerSecond : null,
            MaxAttempts = IsBound(nameof(MaxAttempts)) ? MaxAttempts : null,
            AttemptTimeout = IsBound(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : null,
        };
        KvsSignalingClient client;
        try
        {
            client = ClientPool.Get(settings);
        }
        catch (KvsCredentialsException exception)
        {
            throw new ParameterValueException(ErrorRecords.FromException(exception, exception.ProfileName));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or KvsSignalingException)
        {
            throw new ParameterValueException(ErrorRecords.InvalidArgument(ErrorIds.InvalidClientConfiguration, ClientConfigurationMessage(exception), null));
        }

        // Credentials are a problem of the whole call: one terminating error before any request,
        // not one error per input (a missing profile would otherwise fail every piped ARN the same way).
        try
        {
            Run(async ct =>
            {
                await client.ResolveCredentialsAsync(ct).ConfigureAwait(false);
                return true;
            });
        }
        catch (KvsCredentialsException exception)
        {
            throw new ParameterValueException(ErrorRecords.FromException(exception, exception.ProfileName));
        }

        clientsByRegion[arnRegion ?? string.Empty] = client;
        return client;
    }

    /// <summary>
    /// Runs one input's work with the session's client for <paramref name="arnRegion"/> and writes what it returns
    /// (nothing for null; each object of a sequence of <see cref="PSObject"/>s, in order), or its failure as that
    /// input's error: an argument the core refused under <paramref name="invalidInputErrorId"/>, anything else
    /// classified by <see cref="ErrorRecords.FromException"/>. The one way a cmdlet turns an input into output or an error.
    /// </summary>
    private protected void RunForInput(string input, string? arnRegion, string invalidInputErrorId, Func<KvsSignalingClient, CancellationToken, Task<object?>> work)
    {
        var client = GetClient(arnRegion);
        object? result;
        try
        {
            result = Run(ct => work(client, ct));
        }
        catch (ArgumentException exception)
        {
            WriteError(ErrorRecords.InvalidArgument(invalidInputErrorId, exception, input));
            return;
        }
        catch (Exception exception) when (exception is not PipelineStoppedException)
        {
            WriteError(ErrorRecords.FromException(exception, input));
            return;
        }

        if (result is IEnumerable<PSObject> many)
        {
            foreach (var item in many)
            {
                WriteObject(item);
            }
        }
        else if (result is not null)
        {
            WriteObject(result);
        }
    }

    /// <summary>
    /// Calls <paramref name="each"/> for every channel input: a name (the ARN is looked up by the work) or a
    /// well-formed ARN; a malformed ARN is written as that input's error and skipped.
    /// </summary>
    private protected void ForEachChannel(bool byName, string[] names, string[] arns, Action<ChannelInput> each)
    {
        if (byName)
        {
            foreach (var name in names)
            {
                each(new ChannelInput(name, null));
            }

            return;
        }

        foreach (var value in arns)
        {
            if (ParseArnOrWriteError(value) is { } arn)
            {
                each(new ChannelInput(value, arn));
            }
        }
    }

    /// <summary>The channel an input names, its ARN found by DescribeSignalingChannel when it was given by name.</summary>
    private protected static async Task<SignalingChannelInfo> DescribeAsync(KvsSignalingClient client, ChannelInput input, CancellationToken cancellationToken) =>
        input.Arn is { } arn
            ? await client.DescribeSignalingChannelAsync(arn, cancellationToken).ConfigureAwait(false)
            : await client.DescribeSignalingChannelByNameAsync(input.Text, cancellationToken).ConfigureAwait(false);

    /// <summary>A channel as -PassThru writes it after a tag change: described, with all its tags.</summary>
    private protected static async Task<object?> WithTagsAsync(KvsSignalingClient client, ChannelArn arn, CancellationToken cancellationToken)
    {
        var info = await client.DescribeSignalingChannelAsync(arn, cancellationToken).ConfigureAwait(false);
        return new SignalingChannel(info).ToPSObject(await client.ListSignalingChannelTagsAsync(arn, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Starts work on the thread pool. Request traces of that work reach -Verbose through the
    /// pipeline thread; the work itself writes nothing.
    /// </summary>
    private protected Task<T> Start<T>(Func<CancellationToken, Task<T>> work)
    {
        var dispatch = Dispatcher;
        var verbose = IsVerbose();
        return Task.Run(() =>
        {
            TraceRoute.Set(verbose ? trace => dispatch.Post(() => WriteVerbose(Describe(trace))) : null);
            return work(StopToken);
        });
    }

    /// <summary>
    /// Starts work on the pipeline thread itself: it runs there up to its first wait (the request's send) and
    /// continues on the thread pool, saving a hand-off per input. For work whose synchronous part is short and
    /// never blocks; request traces reach -Verbose as with <see cref="Start{T}"/>.
    /// </summary>
    private protected Task<T> StartInline<T>(Func<CancellationToken, Task<T>> work)
    {
        var sink = traceSink ??= IsVerbose() ? CreateTraceSink() : NoTrace;
        // The flow that the work captures at its first wait keeps the sink; the pipeline thread gets its own back.
        var previous = TraceRoute.Swap(ReferenceEquals(sink, NoTrace) ? null : sink);
        try
        {
            return work(StopToken);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
        finally
        {
            TraceRoute.Swap(previous);
        }
    }

    /// <summary>Runs work and waits for it without blocking Ctrl+C.</summary>
    private protected T Run<T>(Func<CancellationToken, Task<T>> work) => Dispatcher.Wait(Start(work));

    private bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    /// <summary>AWS Tools' session region ($StoredAWSRegion, set by Set-DefaultAWSRegion), when no -Region and no ARN region.</summary>
    private string? StoredRegion() =>
        SessionState.PSVariable.GetValue("StoredAWSRegion") is { } stored && PSObject.AsPSObject(stored).BaseObject is string { Length: > 0 } region ? region : null;

    /// <summary>
    /// AWS Tools' session credentials ($StoredAWSCredentials, set by Set-AWSCredential), read by shape, when no
    /// credential parameter is given; they come before the profile and environment, as in AWS Tools.
    /// </summary>
    private AWSCredentials? StoredCredentials()
    {
        if (Credential is not null || AccessKey is not null || ProfileName is not null)
        {
            return null;
        }

        return SessionState.PSVariable.GetValue("StoredAWSCredentials") is { } stored ? ShapedCredentials.From(stored) : null;
    }

    /// <summary>The core's configuration errors in the cmdlets' own words (parameters, not .NET option names).</summary>
    private static string ClientConfigurationMessage(Exception exception)
    {
        var message = exception is ArgumentException argument ? ErrorRecords.MessageOf(argument) : exception.Message;
        return message.StartsWith("No region is configured", StringComparison.Ordinal)
            ? "No AWS region: give -Region, or set one with Set-DefaultAWSRegion, the AWS_REGION or AWS_DEFAULT_REGION environment variable, or 'region' in the profile."
            : message;
    }

    private static string Describe(KvsRequestTrace trace) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} {1} attempt {2}: {3}{4}{5} in {6:F0} ms{7}",
        trace.Operation,
        trace.Endpoint.GetLeftPart(UriPartial.Path),
        trace.Attempt,
        trace.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response",
        trace.ErrorCode is null ? string.Empty : " " + trace.ErrorCode,
        trace.RequestId is null ? string.Empty : ", request id " + trace.RequestId,
        trace.Elapsed.TotalMilliseconds,
        trace.WillRetry ? ", retrying" : string.Empty);

    private Action<KvsRequestTrace> CreateTraceSink()
    {
        var dispatch = Dispatcher;
        return trace => dispatch.Post(() => WriteVerbose(Describe(trace)));
    }

    /// <summary>True when -Verbose or $VerbosePreference asks for verbose lines.</summary>
    private protected bool IsVerbose()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var bound))
        {
            return bound is SwitchParameter { IsPresent: true };
        }

        return GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
    }

    private void Guard(Action block)
    {
        try
        {
            block();
        }
        catch (ParameterValueException exception)
        {
            ThrowTerminatingError(exception.ErrorRecord);
        }
    }
}
