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
    private readonly CredentialSource _credentials;
    private readonly OperationPacer _pacer;
    private readonly Backoff _backoff;
    private readonly ClockOffset _clock = new();
    private readonly int _maxAttempts;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _maxBodyBytes;
    private readonly Action<KvsRequestTrace>? _trace;
    private readonly ConcurrentDictionary<string, Uri> _operationUris = new(StringComparer.Ordinal);

    public ServiceCaller(HttpMessageHandler handler, Uri endpoint, string signingRegion, CredentialSource credentials, KvsSignalingClientOptions options)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _endpoint = endpoint;
        _signingRegion = RegionEndpoint.GetBySystemName(signingRegion);
        _credentials = credentials;
        _pacer = new OperationPacer(options.MaxRequestsPerSecond);
        _backoff = new Backoff(options.RetryBaseDelay, options.RetryMaxDelay);
        _maxAttempts = options.MaxAttempts;
        _attemptTimeout = options.AttemptTimeout;
        _maxBodyBytes = options.MaxResponseBodyBytes;
        _trace = options.RequestTrace;
    }

    /// <summary>The control-plane endpoint requests go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Obtains the current keys without sending anything, so a credential problem surfaces before any request.</summary>
    public Task ResolveCredentialsAsync(CancellationToken cancellationToken) => _credentials.GetAsync(null, cancellationToken);

    /// <summary>Sends <paramref name="body"/> to <c>POST {endpoint}{path}</c> and returns the successful answer.</summary>
    public async Task<ServiceResponse> SendAsync(string operation, string path, byte[] body, CancellationToken cancellationToken)
    {
        var uri = _operationUris.GetOrAdd(path, p => new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + p, UriKind.Absolute));
        var attemptsAllowed = _maxAttempts;
        var skewCorrected = false;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _pacer.WaitAsync(operation, cancellationToken).ConfigureAwait(false);
            var credentials = await _credentials.GetAsync(operation, cancellationToken).ConfigureAwait(false);

            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
            request.Headers.ExpectContinue = false;
            request.Headers.UserAgent.Add(UserAgent);
            foreach (var header in RequestSigner.Sign(HttpMethod.Post, uri, SignedHeaders, body, credentials, _signingRegion, RequestSigner.ServiceName, _clock.UtcNow))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            var started = Stopwatch.GetTimestamp();
            using var attemptCts = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                : new CancellationTokenSource();
            attemptCts.CancelAfter(_attemptTimeout);
            HttpResponseMessage? response = null;
            ReadOnlyMemory<byte> responseBody;
            string? failure;
            Exception? cause;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
                responseBody = await BoundedBody.ReadAsync(response.Content, _maxBodyBytes, attemptCts.Token).ConfigureAwait(false);
                failure = null;
                cause = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                Trace(operation, uri, attempt, null, null, "Cancelled", started, willRetry: false);
                throw new OperationCanceledException($"{operation} was cancelled.", cancellationToken);
            }
            catch (BodyTooLargeException e)
            {
                var status = (int?)response?.StatusCode;
                var requestId = RequestIdOf(response);
                response?.Dispose();
                Trace(operation, uri, attempt, status, requestId, "ResponseTooLarge", started, willRetry: false);
                throw new KvsTransportException($"{operation} failed: {e.Message} (HTTP {status}{RequestIdText(requestId)}).", operation, status, requestId, attempt, e);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                failure = e is OperationCanceledException ? "Timeout" : "ConnectionFailure";
                cause = e;
                responseBody = default;
            }

            if (failure is not null)
            {
                var status = (int?)response?.StatusCode;
                var requestId = RequestIdOf(response);
                response?.Dispose();
                var retry = attempt < attemptsAllowed;
                Trace(operation, uri, attempt, status, requestId, failure, started, retry);
                if (!retry)
                {
                    var what = failure == "Timeout"
                        ? $"the attempt timed out after {_attemptTimeout.TotalSeconds:0.###} s"
                        : (response is null ? "the connection failed" : "the response body was cut short");
                    throw new KvsTransportException($"{operation} failed after {attempt} attempt(s): {what} ({cause!.GetType().Name}: {cause.Message}) calling {uri}{RequestIdText(requestId)}.", operation, status, requestId, attempt, cause);
                }

                await Task.Delay(_backoff.DelayBeforeRetry(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var status = (int)response!.StatusCode;
                var requestId = RequestIdOf(response);
                if (status >= 200 && status < 300)
                {
                    Trace(operation, uri, attempt, status, requestId, null, started, willRetry: false);
                    return new ServiceResponse(responseBody, requestId, status);
                }

                var error = ServiceError.Parse(HeaderOf(response, "x-amzn-ErrorType"), responseBody);
                if (!skewCorrected && RetryClassifier.IsClockSkew(error.Code, error.Message) && response.Headers.Date is DateTimeOffset serverDate)
                {
                    // One extra attempt, signed with the service's clock; it does not use up a retry.
                    skewCorrected = true;
                    _clock.Correct(serverDate);
                    attemptsAllowed++;
                    Trace(operation, uri, attempt, status, requestId, error.Code, started, willRetry: true);
                    continue;
                }

                var retryable = RetryClassifier.IsRetryable(status, error.Code) && attempt < attemptsAllowed;
                Trace(operation, uri, attempt, status, requestId, error.Code, started, retryable);
                if (retryable)
                {
                    await Task.Delay(_backoff.DelayBeforeRetry(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw ToException(operation, status, response, requestId, error, responseBody, attempt);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static KvsSignalingException ToException(string operation, int status, HttpResponseMessage response, string? requestId, ServiceError error, ReadOnlyMemory<byte> body, int attempts)
    {
        if (error.Code is not null)
        {
            var text = $"{operation} failed: {error.Code} (HTTP {status})" + (error.Message is null ? string.Empty : ": " + error.Message)
                + RequestIdText(requestId) + (attempts > 1 ? $" after {attempts} attempts" : string.Empty) + ".";
            return new KvsServiceException(text, operation, error.Code, error.Message, status, requestId, attempts);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var shape = body.IsEmpty ? "an empty body" : (error.BodyIsJson ? "a JSON body without an error code" : $"a non-JSON body ({contentType}, {body.Length} bytes)");
        return new KvsTransportException(
            $"{operation} failed: HTTP {status} {response.ReasonPhrase} with {shape}, so no service error code{RequestIdText(requestId)}" + (attempts > 1 ? $" after {attempts} attempts" : string.Empty) + ".",
            operation, status, requestId, attempts);
    }

    private static string RequestIdText(string? requestId) => requestId is null ? string.Empty : $" (request id {requestId})";

    private static string? RequestIdOf(HttpResponseMessage? response) =>
        response is null ? null : HeaderOf(response, "x-amzn-RequestId") ?? HeaderOf(response, "x-amz-request-id");

    private static string? HeaderOf(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private void Trace(string operation, Uri uri, int attempt, int? status, string? requestId, string? errorCode, long started, bool willRetry)
    {
        if (_trace is null)
        {
            return;
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
        try
        {
            _trace(new KvsRequestTrace(operation, uri, attempt, status, requestId, errorCode, elapsed, willRetry));
        }
        catch (Exception)
        {
            // A failing log callback must not change the outcome of the call.
        }
    }
}
