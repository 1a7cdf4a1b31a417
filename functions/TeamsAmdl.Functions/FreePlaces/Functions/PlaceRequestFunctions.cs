using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>Place requests of IFKs (R-FREE-3): create, list, waitlist, decide. R-SEC-2: each caller sees only what concerns them.</summary>
public sealed class PlaceRequestFunctions(StaffRepository staff, MeasureRepository measures, PlaceRequestRepository repository,
    PlaceRequestService requests, FreePlaceOperations ops, TimeProvider time)
{
    /// <summary>POST api/measures/{number}/requests: 201 with the request, 409 with it when it was refused (no place).</summary>
    [Function("fp-request-create")]
    public async Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/requests")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RequestBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        var outcome = await requests.RequestAsync(me, number, body.Value!.CustomerRef, body.Value.Note, null, null, cancellationToken);
        if (!outcome.Ok) return Problem(outcome);
        return Results.Json(RequestView.From(outcome.Request!), statusCode: outcome.Request!.State == PlaceRequestStatus.Refused ? 409 : 201);
    }

    /// <summary>GET api/measures/{number}/waitlist, with each entry's position.</summary>
    [Function("fp-waitlist")]
    public async Task<IResult> Waitlist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/measures/{number}/waitlist")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, BerlinCalendar.Today(time), cancellationToken) : null;
        if (state is null) return ProblemResponses.Problem(404, "unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");
        var waiting = (await repository.WaitingAsync(number, cancellationToken)).ToList();
        // R-SEC-2: deciders see the whole list; an IFK only their own entries (with their position).
        var visible = PlaceRequestService.CanDecide(me, state.Measure) ? waiting : waiting.Where(w => w.IfkId == me.Id);
        return Results.Json(visible.Select(w => RequestView.From(w, waiting.IndexOf(w) + 1)));
    }

    /// <summary>
    /// GET api/freeplaces/requests[?measure=][&amp;status=][&amp;max=100][&amp;continuation=]: all for coordinators; otherwise the
    /// caller's own and those on measures they look after. Filtered and paged on the server (header X-Continuation-Token).
    /// </summary>
    [Function("fp-requests")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/freeplaces/requests")] HttpRequest req, CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        var (page, problem) = PageQuery.From(req, defaultMax: 100, limit: 1000);
        if (problem is not null) return problem;
        string? measure = req.Query["measure"], statusText = req.Query["status"];
        if (measure is not null && !PlaceRequestRepository.IsSafeKey(measure))
            return ProblemResponses.Problem(400, "invalid_measure", "„measure“ ist keine gültige Maßnahmenummer.");
        PlaceRequestStatus? status = null;
        if (statusText is not null)
        {
            if (!Enum.TryParse<PlaceRequestStatus>(statusText, ignoreCase: true, out var s) || !Enum.IsDefined(s) || statusText.Any(char.IsDigit))
                return ProblemResponses.Problem(400, "unknown_status",
                    $"Unbekannter Status „{statusText}“. Erlaubt: {string.Join(", ", Enum.GetNames<PlaceRequestStatus>())}.");
            status = s;
        }
        var coordinator = me.Has(StaffRole.Koordinator);
        var mine = coordinator ? [] : (await measures.ListAsync(BerlinCalendar.Today(time), cancellationToken))
            .Where(s => s.Measure.BetreuerId == me.Id || s.Measure.KoordinatorId == me.Id).Select(s => s.Measure.Number).ToHashSet(StringComparer.Ordinal);
        var (filter, checkRows) = PlaceRequestRepository.VisibleFilter(coordinator ? null : me.Id, mine, measure, status);
        var rows = await repository.PageAsync(filter, page!.Max, page.Continuation, cancellationToken);
        if (rows is null) return PageQuery.InvalidContinuation();
        if (checkRows) rows = rows with { Items = rows.Items.Where(r => r.IfkId == me.Id || mine.Contains(r.PartitionKey)).ToList() };
        return PageQuery.Json(req, rows, r => RequestView.From(r));
    }

    /// <summary>POST api/freeplaces/requests/{number}/{id}/{action}: confirm, decline (optional body with reason), withdraw, waitlist.</summary>
    [Function("fp-request-action")]
    public async Task<IResult> Act(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/freeplaces/requests/{number}/{id}/{action}")] HttpRequest req,
        string number, string id, string action, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DecisionBody>(req, cancellationToken, optional: true);
        if (body.Problem is { } problem) return problem;
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        var outcome = action switch
        {
            "confirm" => await requests.ConfirmAsync(me, number, id, viaCard: false, cancellationToken),
            "decline" => (await ops.DeclineAsync(me, number, id, body.Value?.Reason, viaCard: false, cancellationToken)).Request,
            "withdraw" => (await ops.WithdrawAsync(me, number, id, null, cancellationToken)).Request,
            "waitlist" => await requests.JoinWaitlistAsync(me, number, id, null, cancellationToken),
            _ => RequestOutcome.Fail("unknown_action", $"Unbekannte Aktion „{action}“. Erlaubt: confirm, decline, withdraw, waitlist."),
        };
        return outcome.Ok ? Results.Json(RequestView.From(outcome.Request!)) : Problem(outcome);
    }
}
