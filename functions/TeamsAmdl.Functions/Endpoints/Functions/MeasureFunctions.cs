using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Endpoints.Functions;

/// <summary>
/// Measures with occupancy and free places. Measures carry no customer data, so every authenticated staff member
/// may read them (R-SEC-2 restricts participations and requests, not the measure list).
/// </summary>
public sealed class MeasureFunctions(MeasureRepository measures, Names names, TimeProvider time)
{
    /// <summary>GET api/measures (?team=, ?kind=, ?includeClosed=true for archived measures too).</summary>
    [Function("measures")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/measures")] HttpRequest req, CancellationToken cancellationToken)
    {
        string? team = req.Query["team"], kind = req.Query["kind"];
        MeasureKind? kindFilter = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!EnumNames.TryParse<MeasureKind>(kind, out var k)) // "?kind=1" is no kind
                return ProblemResponses.Problem(400, "unknown_kind",
                    $"Unbekannte Maßnahmeart „{kind}“. Erlaubt: {string.Join(", ", Enum.GetNames<MeasureKind>())}.");
            kindFilter = k;
        }
        var today = BerlinCalendar.Today(time);
        var lookup = await names.LoadAsync(cancellationToken);
        var list = (await measures.ListAsync(today, cancellationToken, includeClosed: req.Query["includeClosed"] == "true"))
            .Where(s => string.IsNullOrEmpty(team) || s.Measure.TeamId == team)
            .Where(s => kindFilter is null || s.Measure.Kind == kindFilter)
            .Select(s => lookup.View(s, today));
        return Results.Json(list);
    }

    /// <summary>GET api/measures/{number}.</summary>
    [Function("measure")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/measures/{number}")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var today = BerlinCalendar.Today(time);
        var state = await measures.GetAsync(number, today, cancellationToken);
        if (state is null)
            return ProblemResponses.Problem(404, "unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");
        var view = (await names.LoadAsync(cancellationToken)).View(state, today);
        if (state.Measure.Kind == MeasureKind.DiaAm) // all participations, ended ones included: the state holds only the running ones
            view = view with { TmConsumedDays = TmContingent.ConsumedDays(state.Measure, await measures.ParticipationsAsync(number, cancellationToken), today) };
        return Results.Json(view);
    }
}
