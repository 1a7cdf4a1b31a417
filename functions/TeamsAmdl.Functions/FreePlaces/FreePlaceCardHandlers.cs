using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Shared parts of the free-place card handlers: reading action data, building the live cards.</summary>
public sealed class FreePlaceCardSupport(FreePlaceViews views, SubscriptionRepository subscriptions, PlaceRequestService requests)
{
    public static string? Str(JsonObject data, string key) => data[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => ((string?)v)?.Trim() is { Length: > 0 } s ? s : null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    public static IReadOnlyList<string> Numbers(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(PlaceRequestRepository.IsSafeKey).Distinct(StringComparer.Ordinal).Take(20).ToList();

    public static IReadOnlyList<string> Measures(CardActionContext c) => Numbers(Str(c.Data, CardVerbs.FreePlaceMeasuresKey));

    /// <summary>The live free-place card for the user, or an error when none of the measures exists.</summary>
    public async Task<CardActionResult> AlertCardAsync(CardActionContext c, IReadOnlyList<string> numbers, CardBanner? banner, bool detailed,
        CancellationToken ct, string? customerRef = null, string? note = null)
    {
        var subscription = await subscriptions.GetAsync(c.User, ct);
        var live = await views.LiveAsync(numbers, c.User, subscription, detailed, ct);
        if (live.Count == 0)
            return banner is not null
                ? CardActionResult.Error("invalid_input", banner.Text)
                : CardActionResult.Error("unknown_measure", "Zu dieser Karte gibt es keine Maßnahme (mehr).");
        return CardActionResult.Card(FreePlaceAlertCard.Build(new FreePlaceAlertCardData(live, 0, true,
            banner, detailed, customerRef, note)));
    }

    public async Task<CardActionResult> OutcomeCardAsync(CardActionContext c, PlaceRequestEntity request, CardBanner? banner, CancellationToken ct,
        string? back = null) =>
        CardActionResult.Card(await requests.OutcomeCardAsync(request, banner, back, ct));

    public async Task<CardActionResult> DecisionCardAsync(CardActionContext c, PlaceRequestEntity request, CardBanner? banner, CancellationToken ct) =>
        CardActionResult.Card(await requests.DecisionCardAsync(request, banner, ct));

    public static CardBanner Attention(string text) => new(CardBannerKind.Attention, text);
}

/// <summary>Refresh of a free-place card: live numbers for the viewer (Universal Actions refresh, and "Weniger anzeigen").</summary>
public sealed class FreePlacesRefreshHandler(FreePlaceCardSupport support) : ICardActionHandler
{
    public string Verb => CardVerbs.FreePlacesRefresh;

    public Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct) =>
        support.AlertCardAsync(c, FreePlaceCardSupport.Measures(c), null, detailed: false, ct);
}

/// <summary>"Details": the free-place card with more facts per measure.</summary>
public sealed class FreePlacesDetailsHandler(FreePlaceCardSupport support) : ICardActionHandler
{
    public string Verb => CardVerbs.FreePlacesDetails;

    public Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct) =>
        support.AlertCardAsync(c, FreePlaceCardSupport.Measures(c), null, detailed: true, ct);
}

/// <summary>"Platz anfragen": holds a place for the customer reference, or says clearly why not (nothing reserved then).</summary>
public sealed class FreePlacesRequestHandler(FreePlaceCardSupport support, PlaceRequestService requests) : ICardActionHandler
{
    public string Verb => CardVerbs.FreePlacesRequest;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var measures = FreePlaceCardSupport.Measures(c);
        var number = FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureChoiceInput);
        var customerRef = FreePlaceCardSupport.Str(c.Data, CardVerbs.CustomerRefInput);
        var note = FreePlaceCardSupport.Str(c.Data, CardVerbs.NoteInput);
        if (number is null)
            return await support.AlertCardAsync(c, measures, FreePlaceCardSupport.Attention("Bitte wählen Sie die Maßnahme, für die Sie einen Platz anfragen."),
                false, ct, customerRef, note);
        var outcome = await requests.RequestAsync(c.User, number, customerRef, note, CardLocation.From(c.Activity), c.ActionKey, ct,
            measures.Count > 0 ? string.Join(",", measures) : null);
        if (!outcome.Ok)
            return await support.AlertCardAsync(c, measures.Count > 0 ? measures : [number], FreePlaceCardSupport.Attention(outcome.Error!), false, ct,
                outcome.ErrorCode == "invalid_input" ? null : customerRef, outcome.ErrorCode == "invalid_input" ? null : note);
        return await support.OutcomeCardAsync(c, outcome.Request!, null, ct);
    }
}

/// <summary>"Stummschalten": no more alerts for the measure(s); the card says so and offers to undo.</summary>
public sealed class FreePlacesMuteHandler(FreePlaceCardSupport support, SubscriptionRepository subscriptions) : ICardActionHandler
{
    public string Verb => CardVerbs.FreePlacesMute;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var measures = FreePlaceCardSupport.Measures(c);
        var chosen = FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) is { } one
            ? [one]
            : FreePlaceCardSupport.Numbers(FreePlaceCardSupport.Str(c.Data, CardVerbs.MuteChoiceInput));
        chosen = chosen.Where(n => PlaceRequestRepository.IsSafeKey(n) && (measures.Count == 0 || measures.Contains(n))).ToList();
        if (chosen.Count == 0)
            return CardActionResult.Error("invalid_input", "Bitte wählen Sie mindestens eine Maßnahme, die stummgeschaltet werden soll.");
        await subscriptions.SetMutedAsync(c.User, chosen, true, ct);
        var banner = new CardBanner(CardBannerKind.Info, chosen.Count == 1
            ? CardTexts.FreePlaces.MutedBanner(chosen[0]) : CardTexts.FreePlaces.MutedBannerMany(chosen.Count));
        return await support.AlertCardAsync(c, measures.Count > 0 ? measures : chosen, banner, false, ct);
    }
}

public sealed class FreePlacesUnmuteHandler(FreePlaceCardSupport support, SubscriptionRepository subscriptions) : ICardActionHandler
{
    public string Verb => CardVerbs.FreePlacesUnmute;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var number = FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey);
        if (number is null || !PlaceRequestRepository.IsSafeKey(number))
            return CardActionResult.Error("invalid_input", "Zu dieser Karte gibt es keine Maßnahme.");
        await subscriptions.SetMutedAsync(c.User, [number], false, ct);
        var measures = FreePlaceCardSupport.Measures(c);
        return await support.AlertCardAsync(c, measures.Count > 0 ? measures : [number],
            new CardBanner(CardBannerKind.Good, CardTexts.FreePlaces.UnmutedBanner(number)), false, ct);
    }
}

/// <summary>The IFK's request card, live (refresh). Only the IFK who made the request sees it (R-SEC-2).</summary>
public sealed class PlaceRequestRefreshHandler(FreePlaceCardSupport support, PlaceRequestService requests) : ICardActionHandler
{
    public string Verb => CardVerbs.PlaceRequestRefresh;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var (request, _, error) = await requests.LoadAsync(FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? "",
            FreePlaceCardSupport.Str(c.Data, CardVerbs.PlaceRequestIdKey) ?? "", ct);
        if (error is not null) return CardActionResult.Error(error.ErrorCode!, error.Error!);
        if (request!.IfkId != c.User.Id) return CardActionResult.Error("forbidden", "Diese Anfrage gehört einer anderen IFK.");
        return await support.OutcomeCardAsync(c, request, null, ct);
    }
}

/// <summary>"Auf die Warteliste": a refused request waits for the next free place (request order).</summary>
public sealed class PlaceRequestWaitlistHandler(FreePlaceCardSupport support, PlaceRequestService requests) : ICardActionHandler
{
    public string Verb => CardVerbs.PlaceRequestWaitlist;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var number = FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? "";
        var id = FreePlaceCardSupport.Str(c.Data, CardVerbs.PlaceRequestIdKey) ?? "";
        var outcome = await requests.JoinWaitlistAsync(c.User, number, id, CardLocation.From(c.Activity), ct);
        return await RequestCards.ResultAsync(support, c, outcome, ct);
    }
}

/// <summary>"Anfrage zurückziehen" / "Von der Warteliste nehmen".</summary>
public sealed class PlaceRequestWithdrawHandler(FreePlaceCardSupport support, FreePlaceOperations operations) : ICardActionHandler
{
    public string Verb => CardVerbs.PlaceRequestWithdraw;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var number = FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? "";
        var id = FreePlaceCardSupport.Str(c.Data, CardVerbs.PlaceRequestIdKey) ?? "";
        var (outcome, _) = await operations.WithdrawAsync(c.User, number, id, CardLocation.From(c.Activity), ct);
        return await RequestCards.ResultAsync(support, c, outcome, ct);
    }
}

/// <summary>Betreuer/Koordinator: "Bestätigen".</summary>
public sealed class PlaceRequestConfirmHandler(FreePlaceCardSupport support, PlaceRequestService requests) : ICardActionHandler
{
    public string Verb => CardVerbs.PlaceRequestConfirm;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var outcome = await requests.ConfirmAsync(c.User, FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? "",
            FreePlaceCardSupport.Str(c.Data, CardVerbs.PlaceRequestIdKey) ?? "", viaCard: true, ct);
        return await RequestCards.DecisionResultAsync(support, c, outcome, ct);
    }
}

/// <summary>Betreuer/Koordinator: "Ablehnen" with an optional reason; the held place is given back (waiting list first).</summary>
public sealed class PlaceRequestDeclineHandler(FreePlaceCardSupport support, FreePlaceOperations operations) : ICardActionHandler
{
    public string Verb => CardVerbs.PlaceRequestDecline;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var (outcome, _) = await operations.DeclineAsync(c.User, FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? "",
            FreePlaceCardSupport.Str(c.Data, CardVerbs.PlaceRequestIdKey) ?? "", FreePlaceCardSupport.Str(c.Data, CardVerbs.DeclineReasonInput),
            viaCard: true, ct);
        return await RequestCards.DecisionResultAsync(support, c, outcome, ct);
    }
}

/// <summary>The decision card, live (refresh): only for those who may decide.</summary>
public sealed class PlaceRequestDecisionRefreshHandler(FreePlaceCardSupport support, PlaceRequestService requests) : ICardActionHandler
{
    public string Verb => CardVerbs.PlaceRequestDecisionRefresh;

    public async Task<CardActionResult> HandleAsync(CardActionContext c, CancellationToken ct)
    {
        var (request, state, error) = await requests.LoadAsync(FreePlaceCardSupport.Str(c.Data, CardVerbs.MeasureNumberKey) ?? "",
            FreePlaceCardSupport.Str(c.Data, CardVerbs.PlaceRequestIdKey) ?? "", ct);
        if (error is not null) return CardActionResult.Error(error.ErrorCode!, error.Error!);
        if (!PlaceRequestService.CanDecide(c.User, state!.Measure))
            return CardActionResult.Error("forbidden", "Über Anfragen zu dieser Maßnahme entscheiden ihre Betreuung und die Koordination.");
        return await support.DecisionCardAsync(c, request!, null, ct);
    }
}

internal static class RequestCards
{
    /// <summary>The IFK's card for an outcome: the request (with a banner if the action was refused) or an error.</summary>
    public static async Task<CardActionResult> ResultAsync(FreePlaceCardSupport support, CardActionContext c, RequestOutcome outcome, CancellationToken ct)
    {
        if (outcome.Request is null) return CardActionResult.Error(outcome.ErrorCode!, outcome.Error!);
        if (outcome.Request.IfkId != c.User.Id) return CardActionResult.Error("forbidden", "Diese Anfrage gehört einer anderen IFK.");
        return await support.OutcomeCardAsync(c, outcome.Request, outcome.Ok ? null : FreePlaceCardSupport.Attention(outcome.Error!), ct);
    }

    public static async Task<CardActionResult> DecisionResultAsync(FreePlaceCardSupport support, CardActionContext c, RequestOutcome outcome,
        CancellationToken ct)
    {
        if (outcome.Request is null) return CardActionResult.Error(outcome.ErrorCode!, outcome.Error!);
        return await support.DecisionCardAsync(c, outcome.Request, outcome.Ok ? null : FreePlaceCardSupport.Attention(outcome.Error!), ct);
    }
}
