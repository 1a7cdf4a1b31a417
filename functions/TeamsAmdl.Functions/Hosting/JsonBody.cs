using System.Text.Json;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// Reads a function's JSON request body (the worker binds no typed bodies the way minimal APIs did). Web defaults as
/// ASP.NET Core uses them (camelCase, case-insensitive). A malformed or mistyped body becomes a German 400 problem
/// naming the field where System.Text.Json knows it; a missing body is a 400 unless the body is optional.
/// </summary>
public static class JsonBody
{
    /// <summary>Enums by name only: a number ("kind": 1) would silently pick whatever member has that value.</summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public sealed record Result<T>(T? Value, IResult? Problem) where T : class;

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest req, CancellationToken ct, bool optional = false) where T : class
    {
        if (req.ContentLength == 0 || (req.ContentLength is null && await IsEmptyAsync(req, ct)))
            return optional ? new(null, null) : new(null, Missing());
        if (req.ContentType is { Length: > 0 } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            return new(null, ProblemResponses.Problem(415, "unsupported_media_type", "Bitte die Daten als JSON senden (Content-Type: application/json)."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(req.Body, Options, ct);
            return value is null && !optional ? new(null, Missing()) : new(value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (Feld „{e.Path.TrimStart('$', '.')}“)";
            return new(null, ProblemResponses.Problem(400, "invalid_json", $"Die Anfrage enthält kein gültiges JSON{field}."));
        }
    }

    /// <summary>
    /// No length given (chunked, or a test server request without content): looks whether any byte comes, consuming
    /// nothing, so that an empty body is "missing" rather than invalid JSON.
    /// </summary>
    private static async Task<bool> IsEmptyAsync(HttpRequest req, CancellationToken ct)
    {
        var read = await req.BodyReader.ReadAsync(ct);
        var empty = read.Buffer.IsEmpty && read.IsCompleted;
        req.BodyReader.AdvanceTo(read.Buffer.Start);
        return empty;
    }

    private static IResult Missing() => ProblemResponses.Problem(400, "missing_body", "Die Anfrage enthält keine Daten (JSON erwartet).");
}
