using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Quality.Inspections.Functions;

/// <summary>Mängel (R-QA-3): the transitions of the state machine and the audit log of a measure.</summary>
public sealed class MangelFunctions(MangelService maengel, QualityAudit audit, MeasureRepositoryProbe measures)
{
    /// <summary>
    /// POST api/measures/{number}/maengel/{id}/transitions {"action":"Stufe1"|"FristVersaeumt"|"Stufe2"|"LeitungInformieren"|"Behoben",
    /// "deadline":"yyyy-MM-dd" (Stufe1)}: the Mangel after the step, or 403/409 with the German reason.
    /// </summary>
    [Function("quality-mangel-transition")]
    public async Task<IResult> Transition(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/maengel/{id}/transitions")] HttpRequest req, string number,
        string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<MangelTransitionBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        return (await maengel.TransitionAsync(InspectionFunctions.Caller(req), number, id, body.Value!, cancellationToken)).ToResult(v => v);
    }

    /// <summary>GET api/measures/{number}/quality-audit: who did what to the measure's inspections and Mängel, oldest first.</summary>
    [Function("quality-audit")]
    public async Task<IResult> Audit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/measures/{number}/quality-audit")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        if (!QualityRoles.CanView(InspectionFunctions.Caller(req))) return ProblemResponses.Problem(403, "forbidden", InspectionTexts.QualityRolesOnly);
        if (!await measures.ExistsAsync(number, cancellationToken)) return ProblemResponses.Problem(404, "unknown_measure", InspectionTexts.UnknownMeasure(number));
        return Results.Json(await audit.ListAsync(number, cancellationToken), InspectionStore.Json);
    }
}
