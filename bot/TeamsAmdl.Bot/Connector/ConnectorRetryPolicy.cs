using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsAmdl.Bot;

/// <summary>
/// Retry policy per the Teams bot rate-limit guidance, replacing Azure.Core's default retry policy:
/// 429 waits exactly the server's Retry-After (seconds or HTTP date; never shorter, measured with a stopwatch),
/// or backs off when the header is missing; 412, 500, 502, 503, 504, 408 and transport failures back off
/// exponentially with ±20 % jitter (Retry.Delay doubled per attempt, capped at Retry.MaxDelay).
/// Every other status, notably 403 and 404, is returned at once. At most Retry.MaxRetries retries.
/// </summary>
public sealed class ConnectorRetryPolicy : HttpPipelinePolicy
{
    // RFC 9110 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must accept.
    private static readonly string[] HttpDateFormats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy"];

    private readonly ConnectorClientOptions _options;

    public ConnectorRetryPolicy(ConnectorClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    /// <summary>Statuses worth sending again.</summary>
    public static bool IsRetriableStatus(int status) => status is 408 or 412 or 429 or 500 or 502 or 503 or 504;

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var maxRetries = Math.Max(0, _options.Retry.MaxRetries);
        for (var attempt = 0; ; attempt++)
        {
            var context = message.ProcessingContext; // a view on the message: the setter writes through
            context.RetryNumber = attempt;
            TimeSpan delay;
            try
            {
                if (async) await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                else ProcessNext(message, pipeline);
            }
            catch (Exception ex) when (attempt < maxRetries && IsTransient(ex, message.CancellationToken))
            {
                await WaitAsync(Backoff(attempt), message.CancellationToken, async).ConfigureAwait(false);
                continue;
            }

            var status = message.Response.Status;
            if (attempt >= maxRetries || !IsRetriableStatus(status))
                return;
            if (status == 429 && GetRetryAfter(message.Response) is { } retryAfter)
            {
                if (retryAfter > _options.MaxRetryAfter)
                    return; // Surfaces as ConnectorException.RetryAfter; the caller reschedules.
                delay = retryAfter;
            }
            else
            {
                delay = Backoff(attempt);
            }
            message.Response.ContentStream?.Dispose();
            await WaitAsync(delay, message.CancellationToken, async).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = _options.Retry.Delay;
        var maxDelay = _options.Retry.MaxDelay;
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var jittered = exponential * (0.8 + 0.4 * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            RequestFailedException { Status: 0 } => true, // transport failure wrapped by Azure.Core
            HttpRequestException or IOException => true,
            OperationCanceledException => true, // network timeout, not the caller's cancellation
            _ => false,
        };

    /// <summary>Waits at least <paramref name="delay"/>: timers may fire early, so the remainder is awaited again.</summary>
    private static async ValueTask WaitAsync(TimeSpan delay, CancellationToken cancellationToken, bool async)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var remaining = delay; remaining > TimeSpan.Zero; remaining = delay - stopwatch.Elapsed)
        {
            // Round up to whole milliseconds so a sub-millisecond remainder is not a busy loop.
            var wait = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
            if (async) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            else if (cancellationToken.WaitHandle.WaitOne(wait)) cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The Retry-After of a response, or null when absent or unreadable.</summary>
    public static TimeSpan? GetRetryAfter(Response response) =>
        response.Headers.TryGetValue("Retry-After", out var value) ? ParseRetryAfter(value, DateTimeOffset.UtcNow) : null;

    /// <summary>Parses a Retry-After value: delta-seconds or an HTTP date (a past date means zero).</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
        if (DateTimeOffset.TryParseExact(value, HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal, out var date))
        {
            var delta = date - now;
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }
        return null;
    }
}
