namespace TeamsAmdl.Functions;

/// <summary>
/// Error responses: RFC 9457 problem JSON whose title is a German sentence for people and whose status and
/// "code" are for machines.
/// </summary>
public static class ProblemResponses
{
    public static IResult Problem(int status, string code, string germanMessage) =>
        Results.Json(Body(status, code, germanMessage), statusCode: status, contentType: "application/problem+json");

    /// <param name="extensions">Machine-readable members next to the German title (e.g. "allowed": the accepted values).</param>
    public static IResult Problem(int status, string code, string germanMessage, IReadOnlyDictionary<string, object> extensions)
    {
        var body = Body(status, code, germanMessage);
        foreach (var (key, value) in extensions) body[key] = value;
        return Results.Json(body, statusCode: status, contentType: "application/problem+json");
    }

    public static Task WriteAsync(HttpContext ctx, int status, string code, string germanMessage)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(Body(status, code, germanMessage), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    private static Dictionary<string, object> Body(int status, string code, string message) => new()
    {
        ["type"] = "about:blank",
        ["title"] = message,
        ["status"] = status,
        ["code"] = code,
    };
}
