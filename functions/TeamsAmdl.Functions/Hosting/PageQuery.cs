using System.Globalization;
using System.Text.Json;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Hosting;

/// <summary>
/// Paging of list routes: <c>?max=</c> (1…limit, default per route) and <c>?continuation=</c> (the token a previous page
/// returned). The body stays a JSON array (what the tab and older callers read); the token of the next page is the
/// response header <see cref="Header"/>, absent on the last page.
/// </summary>
public sealed record PageQuery(int Max, string? Continuation)
{
    public const string Header = "X-Continuation-Token";

    /// <summary>The page the request asks for, or a German 400 naming the parameter.</summary>
    public static (PageQuery? Page, IResult? Problem) From(HttpRequest req, int defaultMax, int limit)
    {
        string? max = req.Query["max"], continuation = req.Query["continuation"];
        var n = defaultMax;
        if (!string.IsNullOrEmpty(max) && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 || n > limit))
            return (null, ProblemResponses.Problem(400, "invalid_max", $"„max“ muss eine ganze Zahl zwischen 1 und {limit} sein."));
        if (!string.IsNullOrEmpty(continuation) && !TablePaging.IsWellFormed(continuation))
            return (null, InvalidContinuation());
        return (new PageQuery(n, string.IsNullOrEmpty(continuation) ? null : continuation), null);
    }

    public static IResult InvalidContinuation() =>
        ProblemResponses.Problem(400, "invalid_continuation", "„continuation“ ist kein gültiges Fortsetzungs-Token dieser Liste.");

    /// <summary>The page's items as a JSON array, the next page's token in <see cref="Header"/>.</summary>
    public static IResult Json<T, TView>(HttpRequest req, TablePage<T> page, Func<T, TView> view, JsonSerializerOptions? options = null)
    {
        if (page.Continuation is { } next) req.HttpContext.Response.Headers[Header] = next;
        return Results.Json(page.Items.Select(view), options);
    }
}
