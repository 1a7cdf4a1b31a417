using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>
/// The coordinator's Teams tab page (R-INFO-2): personal tab and configurable channel tab under /tab, config page
/// /tab/config, and their files. Anonymous: the page holds no data, it calls api/digest with a token. Only the listed
/// files are served, and only Teams/Outlook may frame them.
/// </summary>
public sealed class TabFunctions(WebRoot webRoot, IHostEnvironment env)
{
    private static readonly string[] TabFiles = ["dom.js", "tab.js", "tab.css", "config.js", "participants.js", "measures.js", "staff.js", "ratings.js", "ifk-settings.js", "quality.js", "deadlines.js", "channel.js", "auslastung.js", "deadlines-team.js"];
    /// <summary>The cards' host configs per Teams theme, checked in: the Teams ones with every text colour at ≥ 4.5:1 on its container.</summary>
    private static readonly string[] HostConfigs = ["teams-light.json", "teams-dark.json", "teams-contrast.json"];
    private static readonly string[] LibFiles = ["MicrosoftTeams.min.js", "adaptivecards.min.js", "harness.js", "microsoft-teams-light.json", "teams-container-light.css"];

    /// <summary>Teams (web, desktop, mobile) and Outlook/Microsoft 365 may show the tab in their frames; nobody else.</summary>
    private const string FrameAncestors =
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft https://*.cloud.microsoft " +
        "https://*.office.com https://outlook.office.com https://outlook.office365.com https://*.microsoft365.com";

    /// <summary>GET tab: the tab page.</summary>
    [Function("tab"), AllowAnonymous]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab")] HttpRequest req) =>
        TabFile(req, "tab/index.html");

    /// <summary>GET tab/config: the channel tab's configuration page.</summary>
    [Function("tab-config"), AllowAnonymous]
    public IResult Config([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/config")] HttpRequest req) =>
        TabFile(req, "tab/config.html");

    /// <summary>GET tab/{file}: the page's script and style.</summary>
    [Function("tab-files"), AllowAnonymous]
    public IResult File([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/{file}")] HttpRequest req, string file) =>
        TabFiles.Contains(file, StringComparer.Ordinal) ? TabFile(req, "tab/" + file) : NotFound(file);

    /// <summary>GET tab/lib/{file}: Teams JS SDK, Adaptive Cards renderer and host config (copied from node_modules by the build).</summary>
    [Function("tab-lib"), AllowAnonymous]
    public IResult Lib([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/lib/{file}")] HttpRequest req, string file) =>
        LibFiles.Contains(file, StringComparer.Ordinal) ? TabFile(req, "tab/lib/" + file) : NotFound(file);

    /// <summary>GET tab/hostconfigs/{file}: the Adaptive Card host config of a theme (light, dark, contrast).</summary>
    [Function("tab-hostconfigs"), AllowAnonymous]
    public IResult HostConfig([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tab/hostconfigs/{file}")] HttpRequest req, string file) =>
        HostConfigs.Contains(file, StringComparer.Ordinal) ? TabFile(req, "tab/hostconfigs/" + file) : NotFound(file);

    /// <summary>GET api/digest/env: <c>{devLogin}</c>, the page shows the demo-user picker only in Development.</summary>
    [Function("digest-env"), AllowAnonymous]
    public IResult Env([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/env")] HttpRequest req) =>
        Results.Json(new { devLogin = env.IsDevelopment() });

    private IResult TabFile(HttpRequest req, string relative)
    {
        if (webRoot.Find(relative) is not { } full) return NotFound(relative);
        var headers = req.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = FrameAncestors;
        headers.XContentTypeOptions = "nosniff";
        return Results.File(full, WebRoot.ContentType(full));
    }

    private static IResult NotFound(string what) => ProblemResponses.Problem(404, "not_found", $"„{what}“ gibt es hier nicht.");
}
