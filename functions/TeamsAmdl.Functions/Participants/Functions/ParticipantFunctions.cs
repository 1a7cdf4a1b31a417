using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;
using static TeamsAmdl.Functions.Participants.ParticipantContracts;

namespace TeamsAmdl.Functions.Participants.Functions;

/// <summary>
/// Participants of a measure (R-SEC-1/2): entry from a confirmed place request, the role-filtered list, extensions.
/// Exits stay on POST api/measures/{number}/exits (<see cref="FreePlaces.Functions.FreePlaceMeasureFunctions"/>).
/// </summary>
public sealed class ParticipantFunctions(StaffRepository staff, ParticipantService participants)
{
    /// <summary>POST api/measures/{number}/participants {customerRef, entryDate}: 201 with the participation.</summary>
    [Function("participants-enter")]
    public async Task<IResult> Enter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/participants")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<EntryBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await participants.EnterAsync(me, number, body.Value!.CustomerRef, body.Value.EntryDate, cancellationToken)).ToResult(v => v);
    }

    /// <summary>GET api/measures/{number}/participants: all for the measure's Betreuer and Koordinator, the own customers for an IFK.</summary>
    [Function("participants-list")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/measures/{number}/participants")] HttpRequest req, string number,
        CancellationToken cancellationToken) =>
        await MeAsync(req, staff, cancellationToken) is { } me
            ? (await participants.ListAsync(me, number, cancellationToken)).ToResult(v => v)
            : Unknown();

    /// <summary>POST api/measures/{number}/participants/{customerRef}/extension {until}: DIA-AM ≤ 4 weeks, UB/InbeQ ≤ 12 months.</summary>
    [Function("participants-extend")]
    public async Task<IResult> Extend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/participants/{customerRef}/extension")] HttpRequest req,
        string number, string customerRef, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ExtensionBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        if (await MeAsync(req, staff, cancellationToken) is not { } me) return Unknown();
        return (await participants.ExtendAsync(me, number, customerRef, body.Value!.Until, cancellationToken)).ToResult(v => v);
    }
}
