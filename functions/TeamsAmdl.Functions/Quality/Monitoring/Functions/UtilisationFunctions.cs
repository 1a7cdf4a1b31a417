using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

/// <summary>The Auslastung view of the tab's Qualitätskalender (R-QA-5): the month-end figures as the month-end card words them.</summary>
public sealed class UtilisationFunctions(MonthEndReport report, StaffRepository staff, Names names, TimeProvider time)
{
    private static readonly StaffRole[] SeeAll =
        [StaffRole.Geschaeftsleitung, StaffRole.KoordinierendeFuehrungskraft, StaffRole.FachkraftSqs, StaffRole.Koordinator];

    /// <summary>
    /// GET api/quality/utilisation?month=yyyy-MM (default: the current month), computed on the month's report day like the
    /// month-end card. A Teamleitung sees their team; Geschäftsführung, koordinierende Führungskräfte, SQS and Koordination all.
    /// </summary>
    [Function("quality-utilisation")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/utilisation")] HttpRequest req, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(req.HttpContext.User);
        var all = SeeAll.Any(user.Has);
        if (!all && !user.Has(StaffRole.Teamleitung)) return ProblemResponses.Problem(403, "forbidden", MonitoringTexts.Forbidden);
        string? raw = req.Query["month"];
        var month = string.IsNullOrEmpty(raw) ? ReportMonth.Of(BerlinCalendar.Today(time)) : ReportMonth.Parse(raw);
        if (month is null) return ProblemResponses.Problem(400, "invalid_month", MonitoringTexts.InvalidMonth(raw is { Length: > 20 } r ? r[..20] : raw));
        if (await staff.GetAsync(user.StaffId, cancellationToken) is not { } me) return ProblemResponses.Problem(403, "unknown_user", MonitoringTexts.Forbidden);
        var data = await report.ComputeAsync(month.Value, cancellationToken);
        var teamName = all ? null : (await names.LoadAsync(cancellationToken)).Teams.GetValueOrDefault(me.TeamId, me.TeamId);
        var lines = data.Lines.Where(l => all || l.Measure.TeamId == me.TeamId).ToList();
        return Results.Json(UtilisationView.From(data, lines, teamName));
    }
}
