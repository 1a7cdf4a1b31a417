using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.Quality.Monitoring.MonitoringContracts;

namespace TeamsAmdl.Functions.Quality.Monitoring.Functions;

/// <summary>
/// The month-end utilisation (R-QA-5) for one month, computed on its report day like the month-end card: as figures (JSON for
/// checks) and as the tab's Auslastung view in the card's wording. A Teamleitung sees their team's measures; Geschäftsführung,
/// koordinierende Führungskräfte, SQS and Koordination all. `month=yyyy-MM`, default the current month.
/// </summary>
public sealed class MonitoringFunctions(MonthEndReport report, MonitoringStore store, StaffRepository staff, Names names, TimeProvider time)
{
    private static readonly StaffRole[] SeeAll =
        [StaffRole.Geschaeftsleitung, StaffRole.KoordinierendeFuehrungskraft, StaffRole.FachkraftSqs, StaffRole.Koordinator];

    /// <summary>GET api/quality/monitoring?month=yyyy-MM: the figures (`reported`: the month-end run is done).</summary>
    [Function("quality-monitoring")]
    public async Task<IResult> Month(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/monitoring")] HttpRequest req, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(req, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        var month = scope.Data!.Month;
        return Results.Json(new MonthFigures(month.ToString(), scope.Data.ReportDay, await store.MonthEndDoneAsync(month, cancellationToken),
            scope.Lines.Select(View).ToList()));
    }

    /// <summary>GET api/quality/utilisation?month=yyyy-MM: the tab's Auslastung view.</summary>
    [Function("quality-utilisation")]
    public async Task<IResult> Utilisation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/utilisation")] HttpRequest req, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(req, cancellationToken);
        if (scope.Problem is { } problem) return problem;
        var teamName = scope.TeamId is { } team ? (await names.LoadAsync(cancellationToken)).Teams.GetValueOrDefault(team, team) : null;
        return Results.Json(UtilisationView.From(scope.Data!, scope.Lines, teamName));
    }

    /// <summary>The caller's right, the month and its lines (all, or the caller's team: <see cref="Scope.TeamId"/>).</summary>
    private async Task<Scope> ScopeAsync(HttpRequest req, CancellationToken ct)
    {
        var user = CurrentUser.From(req.HttpContext.User);
        var all = SeeAll.Any(user.Has);
        if (!all && !user.Has(StaffRole.Teamleitung)) return Scope.Refused(ProblemResponses.Problem(403, "forbidden", MonitoringTexts.Forbidden));
        string? raw = req.Query["month"];
        var month = string.IsNullOrEmpty(raw) ? ReportMonth.Of(BerlinCalendar.Today(time)) : ReportMonth.Parse(raw);
        if (month is null)
            return Scope.Refused(ProblemResponses.Problem(400, "invalid_month", MonitoringTexts.InvalidMonth(raw is { Length: > 20 } r ? r[..20] : raw)));
        if (await staff.GetAsync(user.StaffId, ct) is not { } me) return Scope.Refused(ProblemResponses.Problem(403, "unknown_user", MonitoringTexts.Forbidden));
        var data = await report.ComputeAsync(month.Value, ct, withOverdue: false);
        return new Scope(null, data, data.Lines.Where(l => all || l.Measure.TeamId == me.TeamId).ToList(), all ? null : me.TeamId);
    }

    private sealed record Scope(IResult? Problem, MonthEndReportData? Data, IReadOnlyList<MonthEndLine> Lines, string? TeamId)
    {
        public static Scope Refused(IResult problem) => new(problem, null, [], null);
    }
}
