using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using static TeamsAmdl.Functions.FreePlaces.FreePlacesContracts;
using static TeamsAmdl.Functions.FreePlaces.Functions.FreePlacesHttp;

namespace TeamsAmdl.Functions.FreePlaces.Functions;

/// <summary>
/// The caller's free-place subscription (R-FREE-3): which teams, locations and kinds alert them, and muted measures.
/// IFKs only (403 not_ifk); unknown teams and locations 400, muting an unknown measure 404 (<see cref="SubscriptionChanges"/>).
/// </summary>
public sealed class FreePlaceSubscriptionFunctions(StaffRepository staff, SubscriptionChanges subscriptions)
{
    /// <summary>GET api/freeplaces/subscription.</summary>
    [Function("fp-subscription-get")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/freeplaces/subscription")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        return me is null ? Unknown() : Result(await subscriptions.GetAsync(me, cancellationToken));
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
        return me is null ? Unknown() : Result(await subscriptions.UpdateAsync(me, body.Value!, cancellationToken));
    }

    /// <summary>PUT mutes, DELETE unmutes one measure: api/freeplaces/subscription/mutes/{number}.</summary>
    [Function("fp-subscription-mutes")]
    public async Task<IResult> Mute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", "delete", Route = "api/freeplaces/subscription/mutes/{number}")] HttpRequest req,
        string number, CancellationToken cancellationToken)
    {
        var me = await MeAsync(req, staff, cancellationToken);
        return me is null ? Unknown() : Result(await subscriptions.SetMutedAsync(me, number, HttpMethods.IsPut(req.Method), cancellationToken));
    }
}
