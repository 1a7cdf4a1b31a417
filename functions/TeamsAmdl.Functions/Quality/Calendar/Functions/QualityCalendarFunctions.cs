using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Quality.Inspections;

namespace TeamsAmdl.Functions.Quality.Calendar.Functions;

/// <summary>The quality calendar for the tab and black-box tests.</summary>
public sealed class QualityCalendarFunctions(QualityCalendar calendar, TimeProvider time)
{
    /// <summary>GET api/quality/calendar?from=yyyy-MM-dd&amp;to=yyyy-MM-dd[&amp;team=][&amp;type=]: entries in date order.</summary>
    [Function("quality-calendar")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/calendar")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!QualityRoles.CanView(CurrentUser.From(req.HttpContext.User))) return ProblemResponses.Problem(403, "forbidden", InspectionTexts.QualityRolesOnly);
        var q = QualityCalendar.Parse(req.Query["from"], req.Query["to"], req.Query["team"], req.Query["type"], BerlinCalendar.Today(time));
        if (q is null) return ProblemResponses.Problem(400, "invalid_range", InspectionTexts.RangeInvalid(QualityCalendar.MaxDays));
        if (q.Type is not null && !calendar.Types.ContainsKey(q.Type))
            return ProblemResponses.Problem(400, "unknown_type", Hosting.BoundaryTexts.UnknownValue("type", q.Type, calendar.Types.Keys.ToList()));
        return Results.Json(await calendar.ListAsync(q, cancellationToken), InspectionStore.Json);
    }

    /// <summary>GET api/quality/calendar/types: the entry types with their German names (the tab's filter).</summary>
    [Function("quality-calendar-types")]
    public IResult Types([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/quality/calendar/types")] HttpRequest req) =>
        QualityRoles.CanView(CurrentUser.From(req.HttpContext.User))
            ? Results.Json(calendar.Types.Select(t => new CalendarTypeView(t.Key, t.Value)).ToList(), InspectionStore.Json)
            : ProblemResponses.Problem(403, "forbidden", InspectionTexts.QualityRolesOnly);
}

