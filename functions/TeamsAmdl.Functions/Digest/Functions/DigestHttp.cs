using System.Text.Json;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>What the digest functions share: the coordinator check, the week in the route, the tab link.</summary>
internal static class DigestHttp
{
    /// <summary>Week inputs, edits, preview, targets and publishing are for coordinators: 403 for everybody else.</summary>
    public static IResult? Forbidden(HttpRequest req) =>
        CurrentUser.From(req.HttpContext.User).Has(StaffRole.Koordinator) ? null : ProblemResponses.Problem(403, "coordinators_only", DigestTexts.CoordinatorsOnly);

    /// <summary>"current" or an ISO week ("2026-W47").</summary>
    public static WeekKey? ParseWeek(string text, TimeProvider time) =>
        string.Equals(text, "current", StringComparison.OrdinalIgnoreCase) ? WeekKey.Current(time)
        : WeekKey.TryParse(text, out var w) ? w : null;

    public static IResult UnknownWeek(string week) => ProblemResponses.Problem(400, "unknown_week", DigestTexts.UnknownWeek(week));

    /// <summary>
    /// The link in the digest: a Teams deep link to the personal tab opening the week; with the Development stand-ins
    /// (no Teams) the tab page of this app.
    /// </summary>
    public static string TabUrl(HttpRequest r, WeekKey week, DigestOptions o, IHostEnvironment env, IConfiguration config) =>
        BotOptions.UseDevStandIns(env, config)
            ? $"{r.Scheme}://{r.Host}{r.PathBase}/tab?woche={week}"
            : $"https://teams.microsoft.com/l/entity/{Uri.EscapeDataString(o.TeamsAppId)}/{Uri.EscapeDataString(o.TabEntityId)}?context=" +
              Uri.EscapeDataString(JsonSerializer.Serialize(new { subEntityId = week.ToString() }));
}
