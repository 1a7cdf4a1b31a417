using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>The caller's free-place subscription (R-FREE-2): which teams, locations and kinds alert them, and muted measures.</summary>
public sealed class FreePlaceSubscriptionFunctions(StaffRepository staff, SubscriptionRepository subs, MeasureRepository measures, TimeProvider time)
{
    /// <summary>GET api/freeplaces/subscription.</summary>
    [Function("fp-subscription-get")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/freeplaces/subscription")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        return me is null ? Unknown() : Results.Json(SubscriptionView.From(await subs.GetAsync(me, cancellationToken)));
    }

    /// <summary>PUT api/freeplaces/subscription: only Enabled given switches alerts on/off and keeps the filters.</summary>
    [Function("fp-subscription-put")]
    public async Task<IResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/freeplaces/subscription")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<SubscriptionBody>(req, cancellationToken);
        if (body.Problem is { } problem) return problem;
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        if (!me.Has(StaffRole.Ifk)) return IfksOnly();
        var (teams, locations, kinds, enabled) = body.Value!;
        var current = await subs.GetAsync(me, cancellationToken);
        FreePlaceSubscription updated;
        try
        {
            updated = teams is null && locations is null && kinds is null
                ? current with { Enabled = enabled ?? current.Enabled }
                : FreePlaceSubscription.Create(me.Id, teams, locations, kinds, current.MutedMeasures, enabled ?? current.Enabled);
        }
        catch (DomainValidationException e)
        {
            return ProblemResponses.Problem(400, "invalid_input", e.Message);
        }
        await subs.SaveAsync(updated, cancellationToken);
        return Results.Json(SubscriptionView.From(updated));
    }

    /// <summary>PUT mutes, DELETE unmutes one measure: api/freeplaces/subscription/mutes/{number}.</summary>
    [Function("fp-subscription-mutes")]
    public async Task<IResult> Mute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "delete", Route = "api/freeplaces/subscription/mutes/{number}")] HttpRequest req,
        string number, CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        if (me is null) return Unknown();
        if (!me.Has(StaffRole.Ifk)) return IfksOnly();
        if (!PlaceRequestRepository.IsSafeKey(number)) return ProblemResponses.Problem(400, "invalid_input", "Ungültige Maßnahmenummer.");
        var mute = HttpMethods.IsPut(req.Method);
        // A mute of a measure that does not exist would be stored forever; unmuting one that is muted stays possible.
        if ((mute || !(await subs.GetAsync(me, cancellationToken)).MutedMeasures.Contains(number))
            && await measures.GetAsync(number, BerlinCalendar.Today(time), cancellationToken) is null)
            return UnknownMeasure(number);
        try
        {
            return Results.Json(SubscriptionView.From(await subs.SetMutedAsync(me, [number], mute, cancellationToken)));
        }
        catch (DomainValidationException e)
        {
            return ProblemResponses.Problem(400, "invalid_input", e.Message);
        }
    }
}
