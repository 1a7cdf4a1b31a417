using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>
/// The events on a measure that can free places (R-FREE-1), as HTTP: exit, capacity change, opening for assignment and
/// the Betreuer's weekly input. <see cref="FreePlaceOperations"/> checks who may do what.
/// </summary>
public sealed class FreePlaceMeasureFunctions(StaffRepository staff, FreePlaceOperations ops)
{
    /// <summary>POST api/measures/{number}/exits: a participant leaves (reason defaults to RegulaeresEnde).</summary>
    [Function("fp-exits")]
    public async Task<IResult> Exit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/exits")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ExitBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        var (customerRef, exitDate, reasonText) = body.Value!;
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        // Only the names are allowed (Enum.TryParse alone also takes numbers); people read the German labels, machines "allowed".
        if (!EnumNames.TryParse<ExitReason>(reasonText ?? nameof(ExitReason.RegulaeresEnde), out var reason))
            return ProblemResponses.Problem(400, "invalid_input",
                $"Unbekannter Austrittsgrund „{reasonText}“. Erlaubt sind: {string.Join(", ", Enum.GetValues<ExitReason>().Select(r => r.German()))}.",
                new Dictionary<string, object> { ["field"] = "reason", ["allowed"] = Enum.GetNames<ExitReason>() });
        return Result(await ops.RecordExitAsync(me, number, customerRef, exitDate, reason, cancellationToken));
    }

    /// <summary>PUT api/measures/{number}/capacity: the new number of places.</summary>
    [Function("fp-capacity")]
    public async Task<IResult> Capacity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/measures/{number}/capacity")] HttpRequest req, string number,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CapacityBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        if (body.Value!.Places is not { } places)
            return ProblemResponses.Problem(400, "invalid_input", "Die Platzzahl fehlt.");
        return Result(await ops.ChangeCapacityAsync(me, number, places, cancellationToken));
    }

    /// <summary>POST api/measures/{number}/open-for-assignment.</summary>
    [Function("fp-open-for-assignment"), MaxBody(0)]
    public async Task<IResult> OpenForAssignment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/open-for-assignment")] HttpRequest req,
        string number, CancellationToken cancellationToken) =>
        await MeAsync(req, staff, cancellationToken) is { } me ? Result(await ops.OpenForAssignmentAsync(me, number, cancellationToken)) : Unknown();

    /// <summary>POST api/measures/{number}/weekly-free-places: the Betreuer's weekly input.</summary>
    [Function("fp-weekly-free-places"), MaxBody(0)]
    public async Task<IResult> WeeklyFreePlaces(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/measures/{number}/weekly-free-places")] HttpRequest req,
        string number, CancellationToken cancellationToken) =>
        await MeAsync(req, staff, cancellationToken) is { } me ? Result(await ops.WeeklyInputAsync(me, number, cancellationToken)) : Unknown();
}
