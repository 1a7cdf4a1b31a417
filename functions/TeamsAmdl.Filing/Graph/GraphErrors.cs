using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace TeamsAmdl.Filing.Graph;

/// <summary>Turns what the Graph SDK throws into <see cref="LibraryException"/> (status, error code, Retry-After).</summary>
internal static class GraphErrors
{
    public static bool IsStatus(Exception ex, int status) => Status(ex) == status;

    public static int Status(Exception ex) => ex switch
    {
        ApiException api => api.ResponseStatusCode,
        AggregateException agg when LastApi(agg) is { } inner => inner.ResponseStatusCode,
        _ => 0,
    };

    public static LibraryException Map(Exception ex, string operation)
    {
        switch (ex)
        {
            case LibraryException l:
                return l;
            case ODataError odata:
            {
                var code = odata.Error?.Code ?? "error";
                var message = odata.Error?.Message ?? odata.Message;
                return new LibraryException(odata.ResponseStatusCode, code, $"{operation}: {message}", RetryAfter(odata.ResponseHeaders), ex);
            }
            case ClientException client:
                return new LibraryException(0, "client", $"{operation}: {FirstLine(client.Message)}", null, ex);
            case ServiceException service:
                return new LibraryException(service.ResponseStatusCode, "serviceError", $"{operation}: {FirstLine(service.Message)}",
                    RetryAfter(service.ResponseHeaders.ToDictionary(h => h.Key, h => h.Value)), ex);
            case ApiException api:
                return new LibraryException(api.ResponseStatusCode, api.ResponseStatusCode == 0 ? "apiError" : "http" + api.ResponseStatusCode,
                    $"{operation}: {FirstLine(api.Message)}", RetryAfter(api.ResponseHeaders), ex);
            case AggregateException agg when LastApi(agg) is { } last:
                // The retry handler gave up ("Too many retries performed"): the last response decides.
                return new LibraryException(last.ResponseStatusCode, "tooManyRetries",
                    $"{operation}: nach {agg.InnerExceptions.Count - 1} Wiederholungen weiter HTTP {last.ResponseStatusCode}", RetryAfter(last.ResponseHeaders), ex);
            case TaskCanceledException { InnerException: AggregateException inner } when LastApi(inner) is { } sliceFailure:
                // LargeFileUploadTask gave up after its own tries.
                return new LibraryException(sliceFailure.ResponseStatusCode, "uploadFailed", $"{operation}: Upload-Sitzung gescheitert ({FirstLine(sliceFailure.Message)})",
                    RetryAfter(sliceFailure.ResponseHeaders), ex);
            case HttpRequestException http:
                return new LibraryException(0, "unreachable", $"{operation}: Graph nicht erreichbar ({FirstLine(http.Message)})", null, ex);
            default:
                return new LibraryException(0, ex.GetType().Name, $"{operation}: {FirstLine(ex.Message)}", null, ex);
        }
    }

    private static ApiException? LastApi(AggregateException agg) => agg.Flatten().InnerExceptions.OfType<ApiException>().LastOrDefault();

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    /// <summary>Retry-After as seconds or HTTP date.</summary>
    internal static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null) return null;
        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase)) continue;
            var value = values.FirstOrDefault()?.Trim();
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var delta = date - DateTimeOffset.UtcNow;
                return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
            }
        }
        return null;
    }
}
