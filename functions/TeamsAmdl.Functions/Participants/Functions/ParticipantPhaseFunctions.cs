using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;
using static TeamsAmdl.Functions.Participants.ParticipantContracts;

namespace TeamsAmdl.Functions.Participants.Functions;

/// <summary>Changes to one participation by the measure's Betreuer and Koordination: the UB phase (R-TN-4) and the LAP Nachbetreuung (R-TN-3).</summary>
public sealed class ParticipantPhaseFunctions(StaffRepository staff, ParticipantPhases phases)
{
    /// <summary>PUT api/measures/{number}/participants/{customerRef}/phase {phase: "Qualifizierung"|"Stabilisierung", from}: UB/InbeQ only.</summary>
    [Function("participants-phase")]
    public async Task<IResult> Phase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/measures/{number}/participants/{customerRef}/phase")] HttpRequest req,
        string number, string customerRef, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<PhaseBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await phases.ChangePhaseAsync(me, number, customerRef, body.Value!.Phase, body.Value.From, cancellationToken)).ToResult(v => v);
    }

    /// <summary>PUT api/measures/{number}/participants/{customerRef}/nachbetreuung {since}: LAP only, a Nachbetreuung begun in the predecessor project.</summary>
    [Function("participants-nachbetreuung")]
    public async Task<IResult> Nachbetreuung(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/measures/{number}/participants/{customerRef}/nachbetreuung")] HttpRequest req,
        string number, string customerRef, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<NachbetreuungBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await phases.SetNachbetreuungAsync(me, number, customerRef, body.Value!.Since, cancellationToken)).ToResult(v => v);
    }
}
