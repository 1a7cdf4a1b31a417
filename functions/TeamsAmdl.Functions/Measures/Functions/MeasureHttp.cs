using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Measures.Functions;

/// <summary>
/// The one mapping of <see cref="MeasureOutcome{T}"/> to HTTP: the value as JSON with its status, or problem JSON (German
/// title, machine "code") with "errors" (German per field) and, for the import, the "report" of what was found.
/// </summary>
internal static class MeasureHttp
{
    public static IResult ToResult<T>(this MeasureOutcome<T> outcome)
    {
        if (outcome.Ok) return Results.Json(outcome.Value, statusCode: outcome.Status);
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank", ["title"] = outcome.Message, ["status"] = outcome.Status, ["code"] = outcome.Code,
        };
        if (outcome.Errors is { Count: > 0 } errors) body["errors"] = errors;
        if (outcome.Value is { } report) body["report"] = report;
        return Results.Json(body, statusCode: outcome.Status, contentType: "application/problem+json");
    }

    public static CurrentUser Caller(this HttpRequest req) => CurrentUser.From(req.HttpContext.User);
}
