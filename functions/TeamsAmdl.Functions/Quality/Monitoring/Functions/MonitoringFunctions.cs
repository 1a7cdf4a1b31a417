using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Quality.Monitoring.MonitoringContracts;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

/// <summary>The month-end utilisation figures (R-QA-5) as JSON, for the tab and for checks.</summary>
public sealed class MonitoringFunctions(MonthEndReport report, MonitoringStore store, StaffRepository staff, TimeProvider time)
{
    private static readonly StaffRole[] SeeAll =
        [StaffRole.Geschaeftsleitung, StaffRole.KoordinierendeFuehrungskraft, StaffRole.FachkraftSqs, StaffRole.Koordinator];

    /// <summary>
    /// GET api/quality/monitoring?month=yyyy-MM (default: the current month): the figures on the month's report day. A
    /// Teamleitung sees their team's measures; Geschäftsführung, koordinierende Führungskräfte, SQS and Koordination all.
    /// </summary>
    [Function("quality-monitoring")]
    public async Task<IResult> Month(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/monitoring")] HttpRequest req, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(req.HttpContext.User);
        var all = SeeAll.Any(user.Has);
        if (!all && !user.Has(StaffRole.Teamleitung)) return ProblemResponses.Problem(403, "forbidden", MonitoringTexts.Forbidden);
        string? raw = req.Query["month"];
        var month = string.IsNullOrEmpty(raw) ? ReportMonth.Of(BerlinCalendar.Today(time)) : ReportMonth.Parse(raw);
        if (month is null) return ProblemResponses.Problem(400, "invalid_month", MonitoringTexts.InvalidMonth(raw));
        var me = await staff.GetAsync(user.StaffId, cancellationToken);
        if (me is null) return ProblemResponses.Problem(403, "unknown_user", MonitoringTexts.Forbidden);
        var data = await report.ComputeAsync(month.Value, cancellationToken);
        var lines = data.Lines.Where(l => all || l.Measure.TeamId == me.TeamId).Select(View).ToList();
        return Results.Json(new MonthFigures(month.Value.ToString(), data.ReportDay, await store.MonthEndDoneAsync(month.Value, cancellationToken), lines));
    }
}
