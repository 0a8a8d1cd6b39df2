using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Amazon;
using KvsSignaling.Configuration;

namespace KvsSignaling.Transport;

/// <summary>
/// Sends one operation: paces it, signs every attempt afresh (current credentials, corrected clock), bounds each
/// attempt by a timeout, retries what is retryable with backoff, and turns every failure into one exception of the
/// <see cref="KvsSignalingException"/> family. Caller cancellation ends the call at once with
/// <see cref="OperationCanceledException"/>; an attempt timeout is a transport failure, retried like one.
/// </summary>
internal sealed class ServiceCaller : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly KeyValuePair<string, string>[] SignedHeaders = { new("Content-Type", "application/json") };
    private static readonly ProductInfoHeaderValue UserAgent = new("KvsSignaling", typeof(ServiceCaller).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly RegionEndpoint _signingRegion;
    private readonly string _region;
    private readonly CredentialSource _credentials;
    private readonly OperationPacer _pacer;
    private readonly Backoff _backoff;
    private readonly ClockOffset _clock = new();
    private readonly int _maxAttempts;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _maxBodyBytes;
    private readonly Action<KvsRequestTrace>? _trace;
    private readonly ConcurrentDictionary<string, Uri> _operationUris = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly bool _adaptive;
    private readonly long _throttlingRetryLimitTicks;
    private readonly EndpointCircuit _circuit;

    public ServiceCaller(HttpMessageHandler handler, Uri endpoint, string signingRegion, CredentialSource credentials, KvsSignalingClientOptions options)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _endpoint = endpoint;
        _signingRegion = RegionEndpoint.GetBySystemName(signingRegion);
        _region = signingRegion;
        _credentials = credentials;
        _pacer = new OperationPacer(options.MaxRequestsPerSecond);
        _backoff = new Backoff(options.RetryBaseDelay, options.RetryMaxDelay);
        var retry = RetrySettings.Resolve(options);
        _maxAttempts = retry.MaxAttempts;
        _adaptive = retry.Mode == RetryMode.Adaptive;
        _throttlingRetryLimitTicks = (long)(options.ThrottlingRetryLimit.TotalSeconds * Stopwatch.Frequency);
        _circuit = new EndpointCircuit(options.CircuitBreakerThreshold, options.CircuitBreakerDuration);
        _attemptTimeout = options.AttemptTimeout;
        _maxBodyBytes = options.MaxResponseBodyBytes;
        _trace = options.RequestTrace;
    }

    /// <summary>The service's clock as this caller knows it (corrected after a clock-skew answer).</summary>
    public ClockOffset Clock => _clock;

    /// <summary>Current keys, for signing something other than a request of this caller (a presigned URL).</summary>
    public Task<Amazon.Runtime.ImmutableCredentials> GetCredentialsAsync(string operation, CancellationToken cancellationToken) => _credentials.GetAsync(operation, cancellationToken);

    /// <summary>Obtains the current keys without sending anything, so a credential problem surfaces before any request.</summary>
    public Task ResolveCredentialsAsync(CancellationToken cancellationToken) => _credentials.GetAsync(null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="body"/> to <c>POST {endpoint}{path}</c> and returns the successful answer;
    /// <paramref name="channelArn"/> (null when there is none) names the channel in the request's trace.
    /// </summary>
    public Task<ServiceResponse> SendAsync(string operation, string path, byte[] body, string? channelArn, CancellationToken cancellationToken) =>
        TracedSendAsync(KvsTelemetry.ControlPlaneService, operation, _operationUris.GetOrAdd(path, p => new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + p, UriKind.Absolute)), body, _circuit, channelArn, cancellationToken);

    /// <summary>
    /// Sends <paramref name="body"/> to <c>POST <paramref name="uri"/></c>, a channel's own HTTPS endpoint (the signaling
    /// data plane): the same signing, retries and pacing, outside the control plane's circuit breaker.
    /// </summary>
    public Task<ServiceResponse> SendToAsync(string operation, Uri uri, byte[] body, string? channelArn, CancellationToken cancellationToken) =>
        TracedSendAsync(KvsTelemetry.SignalingService, operation, uri, body, null, channelArn, cancellationToken);

    /// <summary>One request, all of its attempts, as one activity of <see cref="KvsTelemetry.Source"/> (null while nobody listens).</summary>
    private async Task<ServiceResponse> TracedSendAsync(string service, string operation, Uri uri, byte[] body, EndpointCircuit? circuit, string? channelArn, CancellationToken cancellationToken)
    {
        using var activity = KvsTelemetry.StartRequest(service, operation, _region, uri, channelArn);
        try
        {
            return await SendAsync(service, operation, uri, body, circuit, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (activity is not null)
        {
            KvsTelemetry.RecordFailure(activity, e);
            throw;
        }
    }

    private async Task<ServiceResponse> SendAsync(string service, string operation, Uri uri, byte[] body, EndpointCircuit? circuit, Activity? activity, CancellationToken cancellationToken)
    {
        var call = new CallTrace(service, operation, uri, activity);
        var limiter = _adaptive ? _limiters.GetOrAdd(operation, _ => new AdaptiveRateLimiter()) : null;
        var attemptsAllowed = _maxAttempts;
        var skewCorrected = false;
        var throttledSince = (long?)null;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _pacer.WaitAsync(operation, cancellationToken).ConfigureAwait(false);
            if (limiter is not null)
            {
                await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            }

            var credentials = await _credentials.GetAsync(operation, cancellationToken).ConfigureAwait(false);
            if (circuit?.Refusal() is { } refusal)
            {
                Trace(call, attempt, null, null, KvsErrorCodes.CircuitOpen, Stopwatch.GetTimestamp(), willRetry: false);
                throw new KvsTransportException($"{operation} was not sent to {_endpoint}: {refusal}.", operation, KvsErrorCodes.CircuitOpen, null, null, attempt - 1);
            }

            var started = Stopwatch.GetTimestamp();
            var outcome = await AttemptAsync(call, body, credentials, attempt, started, circuit, cancellationToken).ConfigureAwait(false);
            if (outcome.Answered)
            {
                circuit?.Answered();
            }
            else
            {
                circuit?.Failed(outcome.Result == AttemptResult.Timeout ? $"timed out after {_attemptTimeout.TotalSeconds:0.###} s" : "the connection failed");
            }

            var errorKind = outcome.ErrorKind;
            var throttled = errorKind == KvsErrorKind.Throttled;
            limiter?.Record(throttled);
            if (throttled)
            {
                KvsTelemetry.RecordThrottle(service, operation, outcome.Error!.Code);
            }

            switch (outcome.Result)
            {
                case AttemptResult.Success:
                    // A clock far off is learnt from a good answer too, so a presigned URL made before any error is right.
                    _clock.Observe(outcome.ServerDate);
                    Trace(call, attempt, outcome.Status, outcome.RequestId, null, started, willRetry: false);
                    return new ServiceResponse(outcome.Body, outcome.RequestId, outcome.Status!.Value);

                case AttemptResult.ErrorAnswer when !skewCorrected && RetryClassifier.IsClockSkew(outcome.Error!.Code, outcome.Error.Message) && outcome.ServerDate is { } serverDate:
                    // One extra attempt, signed with the service's clock; it does not use up a retry.
                    skewCorrected = true;
                    _clock.Correct(serverDate);
                    attemptsAllowed++;
                    Trace(call, attempt, outcome.Status, outcome.RequestId, outcome.TraceCode, started, willRetry: true);
                    continue;

                case AttemptResult.ErrorAnswer when throttled && limiter is not null && attempt >= attemptsAllowed:
                    // Adaptive mode: a throttled call waits for the adapted rate instead of failing, within its limit.
                    throttledSince ??= started;
                    if (Stopwatch.GetTimestamp() - throttledSince.Value < _throttlingRetryLimitTicks)
                    {
                        attemptsAllowed++;
                    }

                    break;
            }

            var retry = attempt < attemptsAllowed && (errorKind is not { } kind || RetryClassifier.IsRetryable(kind));
            Trace(call, attempt, outcome.Status, outcome.RequestId, outcome.TraceCode, started, retry);
            if (!retry)
            {
                throw ToException(operation, uri, outcome, attempt);
            }

            await Task.Delay(_backoff.DelayBeforeRetry(Math.Min(attempt, _maxAttempts)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Signs and sends one attempt, bounded by the attempt timeout, and reads its whole answer.</summary>
    private async Task<AttemptOutcome> AttemptAsync(CallTrace call, byte[] body, Amazon.Runtime.ImmutableCredentials credentials, int attempt, long started, EndpointCircuit? circuit, CancellationToken cancellationToken)
    {
        var (operation, uri) = (call.Operation, call.Uri);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.ExpectContinue = false;
        request.Headers.UserAgent.Add(UserAgent);
        foreach (var header in RequestSigner.Sign(HttpMethod.Post, uri, SignedHeaders, body, credentials, _signingRegion, RequestSigner.ServiceName, _clock.UtcNow))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var attemptCts = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        attemptCts.CancelAfter(_attemptTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
            var responseBody = await BoundedBody.ReadAsync(response.Content, _maxBodyBytes, attemptCts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var requestId = RequestIdOf(response);
            if (status >= 200 && status < 300)
            {
                return new AttemptOutcome(AttemptResult.Success, status, requestId, responseBody) { ServerDate = response.Headers.Date };
            }

            return new AttemptOutcome(AttemptResult.ErrorAnswer, status, requestId, responseBody)
            {
                Error = ServiceError.Parse(HeaderOf(response, "x-amzn-ErrorType"), responseBody),
                ServerDate = response.Headers.Date,
                ContentType = response.Content.Headers.ContentType?.MediaType,
                ReasonPhrase = response.ReasonPhrase,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            circuit?.Abandoned();
            Trace(call, attempt, null, null, "Cancelled", started, willRetry: false);
            throw new OperationCanceledException($"{operation} was cancelled.", cancellationToken);
        }
        catch (BodyTooLargeException e)
        {
            var status = (int?)response?.StatusCode;
            var requestId = RequestIdOf(response);
            circuit?.Answered();
            Trace(call, attempt, status, requestId, KvsErrorCodes.ResponseTooLarge, started, willRetry: false);
            throw new KvsTransportException($"{operation} failed: {e.Message} (HTTP {status}{RequestIdText(requestId)}).", operation, KvsErrorCodes.ResponseTooLarge, status, requestId, attempt, e);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            return new AttemptOutcome(e is OperationCanceledException ? AttemptResult.Timeout : AttemptResult.ConnectionFailure, (int?)response?.StatusCode, RequestIdOf(response), default)
            {
                Cause = e,
            };
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>The one place a failed call's message is worded.</summary>
    private KvsSignalingException ToException(string operation, Uri uri, AttemptOutcome outcome, int attempts)
    {
        var requestId = outcome.RequestId;
        var after = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        switch (outcome.Result)
        {
            case AttemptResult.Timeout or AttemptResult.ConnectionFailure:
                var what = outcome.Result == AttemptResult.Timeout
                    ? $"the attempt timed out after {_attemptTimeout.TotalSeconds:0.###} s"
                    : (outcome.Status is null ? "the connection failed" : "the response body was cut short");
                return new KvsTransportException(
                    $"{operation} failed after {attempts} attempt(s): {what} ({outcome.Cause!.GetType().Name}: {outcome.Cause.Message}) calling {uri}{RequestIdText(requestId)}.",
                    operation, outcome.TraceCode!, outcome.Status, requestId, attempts, outcome.Cause);

            case AttemptResult.ErrorAnswer when outcome.Error!.Code is { } code:
                var text = $"{operation} failed: {code} (HTTP {outcome.Status})" + (outcome.Error.Message is null ? string.Empty : ": " + outcome.Error.Message)
                    + RequestIdText(requestId) + after + ".";
                return new KvsServiceException(text, operation, code, outcome.Error.Message, outcome.Status!.Value, requestId, attempts);

            default:
                var shape = outcome.Body.IsEmpty
                    ? "an empty body"
                    : (outcome.Error!.BodyIsJson ? "a JSON body without an error code" : $"a non-JSON body ({outcome.ContentType ?? "no content type"}, {outcome.Body.Length} bytes)");
                return new KvsTransportException(
                    $"{operation} failed: HTTP {outcome.Status} {outcome.ReasonPhrase} with {shape}, so no service error code{RequestIdText(requestId)}{after}.",
                    operation, KvsErrorCodes.UnrecognizedErrorResponse, outcome.Status, requestId, attempts);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string RequestIdText(string? requestId) => requestId is null ? string.Empty : $" (request id {requestId})";

    private static string? RequestIdOf(HttpResponseMessage? response) =>
        response is null ? null : HeaderOf(response, "x-amzn-RequestId") ?? HeaderOf(response, "x-amz-request-id");

    private static string? HeaderOf(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private void Trace(CallTrace call, int attempt, int? status, string? requestId, string? errorCode, long started, bool willRetry)
    {
        // A refusal of the open circuit sent nothing.
        KvsTelemetry.RecordAttempt(call.Activity, call.Service, call.Operation, attempt, status, requestId, errorCode, sent: errorCode != "CircuitOpen", willRetry);
        if (_trace is null)
        {
            return;
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
        try
        {
            _trace(new KvsRequestTrace(call.Operation, call.Uri, attempt, status, requestId, errorCode, elapsed, willRetry));
        }
        catch (Exception)
        {
            // A failing log callback must not change the outcome of the call.
        }
    }

    /// <summary>What every attempt's trace and telemetry of one request share.</summary>
    private readonly struct CallTrace
    {
        public CallTrace(string service, string operation, Uri uri, Activity? activity)
        {
            Service = service;
            Operation = operation;
            Uri = uri;
            Activity = activity;
        }

        public string Service { get; }

        public string Operation { get; }

        public Uri Uri { get; }

        public Activity? Activity { get; }
    }
}
