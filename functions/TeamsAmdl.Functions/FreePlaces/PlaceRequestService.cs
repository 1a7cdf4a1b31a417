using TeamsAmdl.Storage;
using Azure;
using TeamsAmdl.Bot;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Where a card the user acted on lives, so that the bot can replace it later (outcome of a request).</summary>
public sealed record CardLocation(string ServiceUrl, string ConversationId, string ActivityId)
{
    public static CardLocation? From(Activity a) =>
        string.IsNullOrWhiteSpace(a.ServiceUrl) || string.IsNullOrWhiteSpace(a.Conversation?.Id) || string.IsNullOrWhiteSpace(a.ReplyToId)
            ? null
            : new CardLocation(a.ServiceUrl, a.Conversation.Id, a.ReplyToId);
}

/// <summary>Result of a request operation: the request as it stands now, or a German error (code for machines).</summary>
public sealed record RequestOutcome(PlaceRequestEntity? Request, string? ErrorCode = null, string? Error = null, bool PlaceReleased = false)
{
    public bool Ok => ErrorCode is null;
    public static RequestOutcome Fail(string code, string message) => new(null, code, message);
}

/// <summary>
/// R-FREE-2 place requests. A request holds the place at once (a reservation through <see cref="PlaceAllocator"/>:
/// ETag + entity-group transaction, so the last place is never given twice) and waits for the Betreuer's or
/// Koordinator's decision; confirming keeps the reservation, declining or withdrawing gives it back. A request
/// that finds no place is Refused (nothing held) and may join the waiting list, which gets the next free places
/// first, in request order (<see cref="PromoteAsync"/>).
/// </summary>
public sealed class PlaceRequestService(PlaceAllocator allocator, PlaceStateChanges changes, PlaceRequestRepository requests,
    MeasureRepository measures, StaffRepository staff, FreePlacesBot bot, FreePlaceViews views, PlaceRequestIds ids,
    TimeProvider time, ILogger<PlaceRequestService> log)
{
    public DateOnly Today => BerlinCalendar.Today(time);

    /// <summary>Who decides on requests of a measure: its Betreuer and Koordinator, and every Koordinator (R-SEC-2).</summary>
    public static bool CanDecide(Staff user, Measure m) =>
        user.Id == m.BetreuerId || user.Id == m.KoordinatorId || user.Has(StaffRole.Koordinator);

    public async Task<RequestOutcome> RequestAsync(Staff ifk, string number, string? customerRef, string? note, CardLocation? card,
        string? actionKey, CancellationToken ct, string? cardMeasures = null)
    {
        if (!ifk.Has(StaffRole.Ifk))
            return RequestOutcome.Fail("not_ifk", "Plätze können nur Integrationsfachkräfte (IFK) anfragen.");
        string reference;
        string? cleanNote;
        try
        {
            reference = CustomerReference.Normalize(customerRef);
            cleanNote = PlaceRequestNote.Normalize(note);
        }
        catch (DomainValidationException e)
        {
            return RequestOutcome.Fail("invalid_input", e.Message);
        }
        if (!PlaceRequestRepository.IsSafeKey(number))
            return RequestOutcome.Fail("unknown_measure", "Diese Maßnahme gibt es nicht.");
        var today = Today;
        var state = await measures.GetAsync(number, today, ct);
        if (state is null)
            return RequestOutcome.Fail("unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");
        if (actionKey is not null && await requests.FindByActionKeyAsync(number, actionKey, ct) is { } earlier)
            return new RequestOutcome(earlier); // the same click, run again after a crash

        var all = await requests.ListAsync(number, ct);
        if (all.FirstOrDefault(r => r.CustomerRef == reference && PlaceRequestRules.IsOpen(r.State)) is { } open)
            return RequestOutcome.Fail("duplicate_request",
                $"Für {reference} gibt es in dieser Maßnahme bereits eine Anfrage ({CardTexts.PlaceRequest.StatusHeadline(FreePlaceViews.CardState(open.State))}). " +
                "Eine zweite Anfrage ist nicht möglich.");

        var snapshot = FreePlaceViews.Snapshot(state, today);
        if (!snapshot.IntakeOpen)
            return RequestOutcome.Fail("intake_closed", snapshot.EntryDate is null
                ? "Diese Maßnahme nimmt keine Teilnehmenden mehr auf. Es wurde nichts reserviert."
                : $"Aufnahmen sind in dieser Maßnahme nur bis {snapshot.IntakeDeadline:dd.MM.yyyy} möglich; die Aufnahmefrist ist abgelaufen. Es wurde nichts reserviert.");

        var request = new PlaceRequestEntity
        {
            PartitionKey = number, RowKey = ids.Next(), IfkId = ifk.Id, CustomerRef = reference, Note = cleanNote,
            RequestedAt = time.GetUtcNow(), ActionKey = actionKey, ReplyServiceUrl = card?.ServiceUrl,
            ReplyConversationId = card?.ConversationId, ReplyActivityId = card?.ActivityId, CardMeasures = cardMeasures,
        };
        var entry = snapshot.EntryDate ?? PlaceAllocator.DefaultEntryDate(state.Measure, today);
        var result = await allocator.TryReserveAsync(number, reference, ifk.Id, entry, ct);
        switch (result.Status)
        {
            case ReservationStatus.UnknownMeasure:
                return RequestOutcome.Fail("unknown_measure", result.Message);
            case ReservationStatus.AlreadyReserved:
                // Ours, if an earlier run of this request reserved and then died before writing the request row.
                var reservation = await changes.GetReservationAsync(number, reference, ct);
                if (reservation?.GetString(nameof(PlaceEntity.IfkId)) != ifk.Id || reservation.GetString(PlaceStateChanges.ReservationRequestId) is not null)
                    return RequestOutcome.Fail("duplicate_request",
                        $"Für {reference} ist in dieser Maßnahme bereits ein Platz vergeben oder reserviert. Es wurde nichts weiter reserviert.");
                request.EntryDate = reservation.GetString(nameof(PlaceEntity.Entry));
                break;
            case ReservationStatus.Refused when result.Refusal is AllocationRefusal.NoPlaceFree or AllocationRefusal.ContingentExhausted:
                request.Status = nameof(PlaceRequestStatus.Refused);
                request.EntryDate = StoredDate.Write(entry);
                await requests.AddAsync(request, ct);
                log.LogInformation("Place request {Measure}/{Id} of {Ifk} refused: no place free", number, request.RowKey, ifk.Id);
                return new RequestOutcome(request);
            case ReservationStatus.Refused:
                return RequestOutcome.Fail("not_possible", result.Message + " Es wurde nichts reserviert.");
            default:
                request.EntryDate = StoredDate.Write(result.EntryDate ?? entry);
                break;
        }

        request.Status = nameof(PlaceRequestStatus.Pending);
        await requests.AddAsync(request, ct);
        await changes.TagReservationAsync(number, reference, request.RowKey, ct);
        log.LogInformation("Place request {Measure}/{Id} of {Ifk}: place held for {Ref}", number, request.RowKey, ifk.Id, reference);
        await SendDecisionCardAsync(request, state.Measure, ct);
        return new RequestOutcome(request);
    }

    public async Task<RequestOutcome> ConfirmAsync(Staff user, string number, string requestId, bool viaCard, CancellationToken ct) =>
        await DecideAsync(user, number, requestId, confirm: true, reason: null, viaCard, ct);

    public async Task<RequestOutcome> DeclineAsync(Staff user, string number, string requestId, string? reason, bool viaCard, CancellationToken ct) =>
        await DecideAsync(user, number, requestId, confirm: false, reason, viaCard, ct);

    private async Task<RequestOutcome> DecideAsync(Staff user, string number, string requestId, bool confirm, string? reason, bool viaCard,
        CancellationToken ct)
    {
        string? cleanReason;
        try
        {
            cleanReason = PlaceRequestNote.Normalize(reason, PlaceRequestNote.DeclineReason);
        }
        catch (DomainValidationException e)
        {
            return RequestOutcome.Fail("invalid_input", e.Message);
        }
        // Read, decide, write under the row's ETag; changed meanwhile (withdrawn, decided by someone else): look again.
        var written = await Optimistic.RetryAsync(async ct =>
        {
            var (request, state, error) = await LoadAsync(number, requestId, ct);
            if (error is not null) return error;
            if (!CanDecide(user, state!.Measure))
                return RequestOutcome.Fail("forbidden", "Über Anfragen zu dieser Maßnahme entscheiden ihre Betreuung und die Koordination.");
            if (PlaceRequestRules.CannotDecide(request!.State) is { } why)
                return new RequestOutcome(request, "already_decided", why);

            request.Status = (confirm ? PlaceRequestStatus.Confirmed : PlaceRequestStatus.Declined).ToString();
            request.DecidedAt = time.GetUtcNow();
            request.DecidedBy = user.Id;
            request.DeclineReason = confirm ? null : cleanReason;
            await requests.ReplaceAsync(request, ct);
            return new RequestOutcome(request);
        }, maxAttempts: 6, cancellationToken: ct);
        if (!written.Ok) return written;

        var decided = written.Request!;
        var released = false;
        if (!confirm)
            released = await changes.ReleaseAsync(number, decided.CustomerRef, decided.RowKey, decided.IfkId, ct);
        log.LogInformation("Place request {Measure}/{Id} {Decision} by {User}", number, requestId, decided.Status, user.Id);
        await NotifyIfkAsync(decided, ct);
        if (!viaCard) await UpdateDecisionCardAsync(decided, ct);
        return new RequestOutcome(decided, PlaceReleased: released);
    }

    /// <summary>The IFK gives back a held place or leaves the waiting list.</summary>
    public async Task<RequestOutcome> WithdrawAsync(Staff ifk, string number, string requestId, CardLocation? card, CancellationToken ct)
    {
        var held = false;
        var written = await Optimistic.RetryAsync(async ct =>
        {
            var (request, _, error) = await LoadAsync(number, requestId, ct);
            if (error is not null) return error;
            if (request!.IfkId != ifk.Id)
                return RequestOutcome.Fail("forbidden", "Diese Anfrage gehört einer anderen IFK.");
            if (PlaceRequestRules.CannotWithdraw(request.State) is { } why)
                return new RequestOutcome(request, "not_open", why);
            held = PlaceRequestRules.HoldsPlace(request.State);
            request.Status = nameof(PlaceRequestStatus.Withdrawn);
            request.DecidedAt = time.GetUtcNow();
            if (card is not null) (request.ReplyServiceUrl, request.ReplyConversationId, request.ReplyActivityId) = (card.ServiceUrl, card.ConversationId, card.ActivityId);
            await requests.ReplaceAsync(request, ct);
            return new RequestOutcome(request);
        }, maxAttempts: 6, cancellationToken: ct);
        if (!written.Ok) return written;

        var withdrawn = written.Request!;
        var released = held && await changes.ReleaseAsync(number, withdrawn.CustomerRef, withdrawn.RowKey, withdrawn.IfkId, ct);
        if (held) await UpdateDecisionCardAsync(withdrawn, ct);
        return new RequestOutcome(withdrawn, PlaceReleased: released);
    }

    /// <summary>A refused request joins the waiting list (its place in the list is its request time); if a place is free now, it is offered at once.</summary>
    public async Task<RequestOutcome> JoinWaitlistAsync(Staff ifk, string number, string requestId, CardLocation? card, CancellationToken ct)
    {
        var written = await Optimistic.RetryAsync(async ct =>
        {
            var (request, _, error) = await LoadAsync(number, requestId, ct);
            if (error is not null) return error;
            if (request!.IfkId != ifk.Id)
                return RequestOutcome.Fail("forbidden", "Diese Anfrage gehört einer anderen IFK.");
            if (PlaceRequestRules.CannotJoinWaitlist(request.State) is { } why)
                return new RequestOutcome(request, "not_refused", why);
            var others = await requests.ListAsync(number, ct);
            if (others.FirstOrDefault(r => r.RowKey != request.RowKey && r.CustomerRef == request.CustomerRef && PlaceRequestRules.IsOpen(r.State)) is not null)
                return RequestOutcome.Fail("duplicate_request", $"Für {request.CustomerRef} gibt es in dieser Maßnahme bereits eine offene Anfrage.");
            request.Status = nameof(PlaceRequestStatus.Waitlisted);
            request.WaitlistedAt = time.GetUtcNow();
            if (card is not null) (request.ReplyServiceUrl, request.ReplyConversationId, request.ReplyActivityId) = (card.ServiceUrl, card.ConversationId, card.ActivityId);
            await requests.ReplaceAsync(request, ct);
            return new RequestOutcome(request);
        }, maxAttempts: 6, cancellationToken: ct);
        if (!written.Ok) return written;

        await PromoteAsync(number, notifyCardsOf: written.Request!.RowKey, ct);
        return new RequestOutcome(await requests.GetAsync(number, requestId, ct) ?? written.Request);
    }

    /// <summary>
    /// Offers free places to the waiting list first, in request order: each entry that gets a place becomes Pending
    /// (place held, decision card to the Betreuer, the IFK is told). Returns how many were served.
    /// </summary>
    public async Task<int> PromoteAsync(string number, CancellationToken ct) => await PromoteAsync(number, null, ct);

    private async Task<int> PromoteAsync(string number, string? notifyCardsOf, CancellationToken ct)
    {
        var promoted = 0;
        foreach (var waiting in await requests.WaitingAsync(number, ct))
        {
            var today = Today;
            var state = await measures.GetAsync(number, today, ct);
            if (state is null) break;
            var snapshot = FreePlaceViews.Snapshot(state, today);
            if (!snapshot.HasFreePlaces) break;
            var result = await allocator.TryReserveAsync(number, waiting.CustomerRef, waiting.IfkId, snapshot.EntryDate, ct);
            if (result.Status == ReservationStatus.Refused || result.Status == ReservationStatus.UnknownMeasure)
                break;
            if (result.Status == ReservationStatus.AlreadyReserved)
            {
                var reservation = await changes.GetReservationAsync(number, waiting.CustomerRef, ct);
                var owner = reservation?.GetString(PlaceStateChanges.ReservationRequestId);
                if (reservation is null || (owner is not null && owner != waiting.RowKey) || reservation.GetString(nameof(PlaceEntity.IfkId)) != waiting.IfkId)
                {
                    // The customer got a place another way: nothing to wait for any more.
                    waiting.Status = nameof(PlaceRequestStatus.Withdrawn);
                    waiting.DecidedAt = time.GetUtcNow();
                    await TryReplaceAsync(waiting, ct);
                    continue;
                }
                waiting.EntryDate = reservation.GetString(nameof(PlaceEntity.Entry));
            }
            else
            {
                waiting.EntryDate = StoredDate.Write(result.EntryDate ?? snapshot.EntryDate!.Value);
            }

            waiting.Status = nameof(PlaceRequestStatus.Pending);
            waiting.FromWaitlist = true;
            if (!await TryReplaceAsync(waiting, ct))
            {
                var now = await requests.GetAsync(number, waiting.RowKey, ct);
                if (now?.State == PlaceRequestStatus.Withdrawn)
                    await changes.ReleaseAsync(number, waiting.CustomerRef, waiting.RowKey, waiting.IfkId, ct);
                continue; // promoted by a concurrent run, or withdrawn
            }
            await changes.TagReservationAsync(number, waiting.CustomerRef, waiting.RowKey, ct);
            promoted++;
            log.LogInformation("Waiting list of {Measure}: {Id} ({Ref}) got a place", number, waiting.RowKey, waiting.CustomerRef);
            await SendDecisionCardAsync(waiting, state.Measure, ct);
            if (notifyCardsOf != waiting.RowKey) await NotifyIfkAsync(waiting, ct);
        }
        return promoted;
    }

    /// <summary>Customer did not start (Nichtantritt): the place held by their open request is given back.</summary>
    public async Task<bool> ReleaseForNichtantrittAsync(string number, string customerRef, CancellationToken ct)
    {
        var open = (await requests.ListAsync(number, ct)).LastOrDefault(r => r.CustomerRef == customerRef && PlaceRequestRules.HoldsPlace(r.State));
        if (open is null)
            return false;
        open.Status = nameof(PlaceRequestStatus.Withdrawn);
        open.DecidedAt = time.GetUtcNow();
        open.DeclineReason = "Nichtantritt";
        await requests.ReplaceAsync(open, ct);
        var released = await changes.ReleaseAsync(number, customerRef, open.RowKey, open.IfkId, ct);
        await NotifyIfkAsync(open, ct);
        await UpdateDecisionCardAsync(open, ct);
        return released;
    }

    public async Task<(PlaceRequestEntity? Request, MeasureState? State, RequestOutcome? Error)> LoadAsync(string number, string requestId,
        CancellationToken ct)
    {
        var request = await requests.GetAsync(number, requestId, ct);
        if (request is null)
            return (null, null, RequestOutcome.Fail("unknown_request", "Diese Platzanfrage gibt es nicht (mehr)."));
        var state = await measures.GetAsync(number, Today, ct);
        if (state is null)
            return (null, null, RequestOutcome.Fail("unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht."));
        return (request, state, null);
    }

    // ---- cards --------------------------------------------------------------------------------------------------

    /// <summary>The IFK's view of a request, live.</summary>
    public async Task<AdaptiveCard> OutcomeCardAsync(PlaceRequestEntity request, CardBanner? banner, string? back,
        CancellationToken ct)
    {
        var names = await views.NamesAsync(ct);
        var today = Today;
        var state = await measures.GetAsync(request.PartitionKey, today, ct);
        var measure = state is null
            ? new FreePlaceMeasure(request.PartitionKey, request.PartitionKey, "", "", "", 0, null, null, false, null, null, null)
            : views.Map(state, names, today);
        int? position = null;
        if (request.State == PlaceRequestStatus.Waitlisted)
            position = WaitingList.Position((await requests.WaitingAsync(request.PartitionKey, ct)).Select(r => r.RowKey), request.RowKey);
        var decider = request.DecidedBy ?? request.DeciderId ?? state?.Measure.BetreuerId;
        return PlaceRequestOutcomeCard.Build(new PlaceRequestOutcomeCardData(measure, request.RowKey, request.CustomerRef,
            FreePlaceViews.CardState(request.State), request.Entry,
            decider is null ? null : names.Staff.GetValueOrDefault(decider)?.DisplayName ?? decider,
            request.DeclineReason, position, request.FromWaitlist, true, banner, back ?? request.CardMeasures));
    }

    /// <summary>The decider's view of a request, live.</summary>
    public async Task<AdaptiveCard> DecisionCardAsync(PlaceRequestEntity request, CardBanner? banner, CancellationToken ct)
    {
        var names = await views.NamesAsync(ct);
        var today = Today;
        var state = await measures.GetAsync(request.PartitionKey, today, ct);
        var ifk = names.Staff.GetValueOrDefault(request.IfkId) ?? await staff.GetAsync(request.IfkId, ct);
        var decidedBy = request.DecidedBy is null ? null : names.Staff.GetValueOrDefault(request.DecidedBy)?.DisplayName ?? request.DecidedBy;
        return PlaceRequestDecisionCard.Build(new PlaceRequestDecisionCardData(request.PartitionKey, state?.Measure.Title ?? request.PartitionKey,
            request.RowKey, request.CustomerRef, request.Note, ifk?.DisplayName ?? request.IfkId, ifk?.Email, request.Entry, request.RequestedAt,
            state is null ? 0 : Math.Max(0, FreePlaceViews.Snapshot(state, today).Free), FreePlaceViews.CardState(request.State), decidedBy,
            request.DecidedAt, request.DeclineReason, request.FromWaitlist, true, banner));
    }

    private async Task SendDecisionCardAsync(PlaceRequestEntity request, Measure m, CancellationToken ct)
    {
        if (!bot.IsConfigured)
        {
            log.LogWarning("No bot identity: the decision card for request {Measure}/{Id} is not sent", request.PartitionKey, request.RowKey);
            return;
        }
        var decider = await staff.GetAsync(m.BetreuerId, ct);
        if (string.IsNullOrWhiteSpace(decider?.AadObjectId)) decider = await staff.GetAsync(m.KoordinatorId, ct);
        if (string.IsNullOrWhiteSpace(decider?.AadObjectId))
        {
            log.LogWarning("Measure {Measure} has no Betreuer or Koordinator reachable in Teams; request {Id} waits for the API", m.Number, request.RowKey);
            return;
        }
        var key = $"fp:decide:{request.PartitionKey}:{request.RowKey}";
        var card = await DecisionCardAsync(request, null, ct);
        await bot.Proactive.SendCardAsync([(decider, key)], _ => card, ct);
        await requests.MergeAsync(request.PartitionKey, request.RowKey,
            new Dictionary<string, object?> { [nameof(PlaceRequestEntity.DecisionMessageKey)] = key, [nameof(PlaceRequestEntity.DeciderId)] = decider.Id }, ct);
        request.DecisionMessageKey = key;
        request.DeciderId = decider.Id;
    }

    /// <summary>Replaces the IFK's card with the request's outcome; without a card to replace, sends one.</summary>
    private async Task NotifyIfkAsync(PlaceRequestEntity request, CancellationToken ct)
    {
        if (!bot.IsConfigured) return;
        var ifk = await staff.GetAsync(request.IfkId, ct);
        if (ifk is null) return;
        var card = await OutcomeCardAsync(request, null, null, ct);
        if (request.ReplyServiceUrl is { } url && request.ReplyConversationId is { } conversation && request.ReplyActivityId is { } activityId)
        {
            var content = card.ToJsonObject();
            CardRequestIds.Stamp(content);
            try
            {
                await bot.Sender.UpdateAsync(url, conversation, activityId, new Activity
                {
                    Type = ActivityTypes.Message,
                    Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = content }],
                }, ct);
                return;
            }
            catch (ConnectorException e)
            {
                log.LogWarning(e, "Could not update the card of request {Measure}/{Id}; sending a new one", request.PartitionKey, request.RowKey);
            }
        }
        if (string.IsNullOrWhiteSpace(ifk.AadObjectId)) return;
        var key = $"fp:outcome:{request.PartitionKey}:{request.RowKey}:{request.Status}";
        await bot.Proactive.SendCardAsync([(ifk, key)], _ => card, ct);
    }

    /// <summary>Shows the decider the current state (e.g. withdrawn by the IFK) on the decision card, if it was delivered.</summary>
    private async Task UpdateDecisionCardAsync(PlaceRequestEntity request, CancellationToken ct)
    {
        if (request.DecisionMessageKey is not { } key || !bot.IsConfigured) return;
        try
        {
            var card = await DecisionCardAsync(request, null, ct);
            await bot.Proactive.UpdateCardAsync(key, card, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or ConnectorException)
        {
            log.LogInformation("Decision card {Key} not updated: {Reason}", key, e.Message);
        }
    }

    private async Task<bool> TryReplaceAsync(PlaceRequestEntity request, CancellationToken ct)
    {
        try
        {
            await requests.ReplaceAsync(request, ct);
            return true;
        }
        catch (RequestFailedException stale) when (stale.Status == 412)
        {
            return false;
        }
    }
}
