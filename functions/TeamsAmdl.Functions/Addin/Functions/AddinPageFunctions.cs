using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Addin.Functions;

/// <summary>
/// The Outlook task pane (issue 18) under /addin and its files. Anonymous: the page holds no data, it calls
/// api/addin/* with the Office SSO token. Only the listed files are served, and only Outlook may frame them.
/// </summary>
public sealed class AddinPageFunctions(WebRoot webRoot)
{
    private static readonly string[] Files = ["taskpane.js", "taskpane.css", "icon-16.png", "icon-32.png", "icon-80.png"];

    /// <summary>Outlook on the web and the new Outlook host the pane in their frames; classic Outlook uses a WebView (no ancestor).</summary>
    private const string FrameAncestors =
        "frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com https://outlook.live.com https://*.cloud.microsoft " +
        "https://*.office.com https://*.office365.com https://*.microsoft365.com";

    /// <summary>GET addin: the task pane page.</summary>
    [Function("addin"), AllowAnonymous]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "addin")] HttpRequest req) => Serve(req, "taskpane.html");

    /// <summary>GET addin/{file}: script, style, ribbon icons.</summary>
    [Function("addin-files"), AllowAnonymous]
    public IResult File([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "addin/{file}")] HttpRequest req, string file) =>
        Files.Contains(file, StringComparer.Ordinal) ? Serve(req, file) : ProblemResponses.Problem(404, "not_found", $"„{file}“ gibt es hier nicht.");

    private IResult Serve(HttpRequest req, string file)
    {
        if (webRoot.Find("addin/" + file) is not { } full) return ProblemResponses.Problem(404, "not_found", $"„{file}“ gibt es hier nicht.");
        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = FrameAncestors;
        headers.XContentTypeOptions = "nosniff";
        return Results.File(full, WebRoot.ContentType(full));
    }
}
