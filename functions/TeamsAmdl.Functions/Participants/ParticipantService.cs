using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Storage;
using static TeamsAmdl.Functions.Participants.ParticipantContracts;

namespace TeamsAmdl.Functions.Participants;

/// <summary>
/// Participants of a measure (pseudonymous references only, R-SEC-1): the Betreuer turns a confirmed place request into an
/// entry, on the entry day or later (R-TN-4), on a date the rules allow (<see cref="PlaceAllocation.TryReserve(Measure, PlaceCounts, DateOnly)"/>: within the
/// measure, a measure day, UB intake window, DIA-AM entry dates, never over capacity or TM contingent), extends stays
/// (<see cref="ParticipationExtension"/>) and lists them by role (R-SEC-2). Exits stay with <see cref="FreePlaceOperations"/>,
/// which announces the freed place.
/// <para>
/// Entry is the allocator's discipline (docs/storage.md): read the measure partition, decide, then one entity-group
/// transaction "measure row under its ETag with AllocationVersion + 1, delete the reservation under its ETag, add the
/// participation row"; a 412 means someone else changed the measure: read and decide again. The place the request held
/// becomes the participant's place, so the counts are taken without that reservation.
/// </para>
/// </summary>
public sealed class ParticipantService(Tables tables, MeasureRepository measures, PlaceRequestRepository requests, PlaceStateChanges changes,
    TimeProvider time, ILogger<ParticipantService> log)
{
    private const int MaxAttempts = 50;
    private static readonly Func<int, TimeSpan> Pause = _ => Optimistic.Jitter(30);

    /// <summary>How many upcoming DIA-AM entry dates a refusal names.</summary>
    public const int EntryDatesNamed = 3;

    /// <summary>POST participants: a confirmed request of <paramref name="customerRef"/> becomes a participation from <paramref name="entryDate"/>.</summary>
    public async Task<Outcome<ParticipantView>> EnterAsync(Staff user, string number, string? customerRef, DateOnly? entryDate, CancellationToken ct)
    {
        string reference;
        try
        {
            reference = CustomerReference.Normalize(customerRef);
        }
        catch (DomainValidationException e)
        {
            return Fail(400, "invalid_input", e.Message);
        }
        if (entryDate is not { } entry) return Fail(400, "invalid_input", ParticipantTexts.EntryDateMissing);
        var today = BerlinCalendar.Today(time);
        var (state, denied) = await DeciderStateAsync(user, number, today, ct);
        if (denied is not null) return denied;

        var all = await requests.ListAsync(number, ct);
        var request = all.LastOrDefault(r => r.CustomerRef == reference && r.State == PlaceRequestStatus.Confirmed && r.EnteredOn is null);
        if (request is null)
        {
            if (all.LastOrDefault(r => r.CustomerRef == reference && r.EnteredOn is not null) is { } entered
                && (await measures.ParticipationsAsync(number, ct)).FirstOrDefault(p => p.CustomerRef == reference && p.Entry == StoredDate.Read(entered.EnteredOn!)) is { } done)
                return entered.EnteredOn == StoredDate.Write(entry)
                    ? Outcome<ParticipantView>.Success(ParticipantView.From(state!.Measure, done, today)) // the same entry again: nothing new
                    : Fail(409, "already_entered", ParticipantTexts.AlreadyEntered(reference, done.Entry));
            return all.Any(r => r.CustomerRef == reference && r.State == PlaceRequestStatus.Pending)
                ? Fail(409, "request_not_confirmed", ParticipantTexts.RequestNotConfirmed(reference))
                : Fail(409, "no_confirmed_request", ParticipantTexts.NoConfirmedRequest(reference));
        }

        var outcome = await Optimistic.RetryAsync(async ct =>
        {
            var now = await measures.GetAsync(number, today, ct);
            if (now is null) return Fail(404, "unknown_measure", ParticipantTexts.UnknownMeasure(number));
            var m = now.Measure;
            var reservation = await changes.GetReservationAsync(number, reference, ct);
            // Entered meanwhile (a double click, or an earlier run that died before marking the request): the same entry.
            if (reservation is null && now.Participations.FirstOrDefault(p => p.CustomerRef == reference && p.Entry == entry) is { } done)
                return Outcome<ParticipantView>.Success(ParticipantView.From(m, done, today));
            if (reservation is null || reservation.GetString(PlaceStateChanges.ReservationRequestId) is { } owner && owner != request.RowKey)
                return Fail(409, "no_held_place", ParticipantTexts.NoHeldPlace(reference));

            var counts = Occupancy.CountsFor(m, now.Participations, now.ReservedRefs.Count - 1, entry);
            var decision = PlaceAllocation.TryReserve(m, counts, entry);
            if (!decision.Granted) return Refused(m, decision, entry);
            // R-TN-4: an entry is reported on the entry day or later; until then the reservation holds the place (a participation
            // dated ahead would count only from its entry, and the place would look free before it).
            if (entry > today) return Fail(400, "entry_in_future", ParticipantTexts.EntryInFuture(entry));

            var participation = new Participation(number, reference, entry, IfkId: request.IfkId);
            try
            {
                await tables.Measures.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(number, MeasureEntity.Row) { [nameof(MeasureEntity.AllocationVersion)] = now.AllocationVersion + 1 }, now.ETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, reservation, reservation.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, PlaceEntity.From(participation, time.GetUtcNow())),
                ], ct);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.ErrorCode == "EntityAlreadyExists")
            {
                return Fail(409, "already_entered", ParticipantTexts.AlreadyEntered(reference, entry));
            }
            return Outcome<ParticipantView>.Success(ParticipantView.From(m, participation, today), 201);
        }, MaxAttempts, Pause, ct);
        if (!outcome.Ok) return outcome;

        // After the transaction: a crash here leaves the request Confirmed without a held place; the entry form no longer
        // offers it (its reservation is gone), and the participation is what counts.
        await requests.MergeAsync(number, request.RowKey,
            new Dictionary<string, object?> { [nameof(PlaceRequestEntity.EnteredOn)] = StoredDate.Write(entry) }, ct);
        log.LogInformation("Entry in {Measure} from request {Id} on {Entry}", number, request.RowKey, StoredDate.Write(entry));
        return outcome;
    }

    /// <summary>GET participants: all for the measure's Betreuer and Koordinator (and every Koordinator); an IFK only the customers of their own requests.</summary>
    public async Task<Outcome<IReadOnlyList<ParticipantView>>> ListAsync(Staff user, string number, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var state = PlaceRequestRepository.IsSafeKey(number) ? await measures.GetAsync(number, today, ct) : null;
        if (state is null)
            return Outcome<IReadOnlyList<ParticipantView>>.Fail(404, "unknown_measure", ParticipantTexts.UnknownMeasure(number));
        var m = state.Measure;
        Func<Participation, bool> visible;
        if (PlaceRequestService.CanDecide(user, m)) visible = _ => true;
        else if (user.Has(StaffRole.Ifk)) visible = p => p.IfkId == user.Id;
        else return Outcome<IReadOnlyList<ParticipantView>>.Fail(403, "forbidden", ParticipantTexts.ListForbidden);
        var list = (await measures.ParticipationsAsync(number, ct)).Where(visible).Select(p => ParticipantView.From(m, p, today)).ToList();
        return Outcome<IReadOnlyList<ParticipantView>>.Success(list);
    }

    /// <summary>POST participants/{ref}/extension: the stay of <paramref name="customerRef"/> now ends on <paramref name="until"/>.</summary>
    public async Task<Outcome<ParticipantView>> ExtendAsync(Staff user, string number, string customerRef, DateOnly? until, CancellationToken ct)
    {
        string reference;
        try
        {
            reference = CustomerReference.Normalize(customerRef);
        }
        catch (DomainValidationException e)
        {
            return Fail(400, "invalid_input", e.Message);
        }
        if (until is not { } last) return Fail(400, "invalid_input", ParticipantTexts.UntilMissing);
        var today = BerlinCalendar.Today(time);
        var (_, denied) = await DeciderStateAsync(user, number, today, ct);
        if (denied is not null) return denied;

        return await Optimistic.RetryAsync(async ct =>
        {
            var state = await measures.GetAsync(number, today, ct);
            if (state is null) return Fail(404, "unknown_measure", ParticipantTexts.UnknownMeasure(number));
            var m = state.Measure;
            var participation = state.Participations.Where(p => p.CustomerRef == reference && p.Exit is null)
                .OrderByDescending(p => p.Entry).FirstOrDefault();
            if (participation is null) return Fail(404, "not_participating", ParticipantTexts.NotParticipating(reference, number));
            if (ParticipationExtension.Check(m, participation, last) is { } why) return Fail(400, "extension_not_allowed", why);
            var extended = participation with { PlannedEnd = last };
            if (m.Kind == MeasureKind.DiaAm && m.Capacity.ContractedTm is not null
                && TmContingent.CommittedDays(m, state.Participations.Select(p => p == participation ? extended : p)) > TmContingent.ContractedDays(m))
                return Fail(409, "contingent_exhausted", ParticipantTexts.ExtensionOverContingent(last));

            // The measure row is bumped too: a longer DIA-AM stay changes the free places of later entry dates.
            await tables.Measures.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(number, MeasureEntity.Row) { [nameof(MeasureEntity.AllocationVersion)] = state.AllocationVersion + 1 }, state.ETag),
                new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                    new TableEntity(number, PlaceEntity.ParticipationKey(reference, participation.Entry)) { [nameof(PlaceEntity.PlannedEnd)] = StoredDate.Write(last) },
                    ETag.All),
            ], ct);
            log.LogInformation("Participation in {Measure} extended to {Until}", number, StoredDate.Write(last));
            return Outcome<ParticipantView>.Success(ParticipantView.From(m, extended, today));
        }, MaxAttempts, Pause, ct);
    }

    private async Task<(MeasureState? State, Outcome<ParticipantView>? Denied)> DeciderStateAsync(Staff user, string number, DateOnly today,
        CancellationToken ct)
    {
        if (!PlaceRequestRepository.IsSafeKey(number)) return (null, Fail(404, "unknown_measure", ParticipantTexts.UnknownMeasureShort));
        var state = await measures.GetAsync(number, today, ct);
        if (state is null) return (null, Fail(404, "unknown_measure", ParticipantTexts.UnknownMeasure(number)));
        return PlaceRequestService.CanDecide(user, state.Measure) ? (state, null) : (state, Fail(403, "forbidden", ParticipantTexts.DecidersOnly));
    }

    /// <summary>The rule that refused the entry: the date is wrong (400), or the measure is full (409).</summary>
    private static Outcome<ParticipantView> Refused(Measure m, AllocationDecision decision, DateOnly entry) => decision.Refusal switch
    {
        AllocationRefusal.NotAnEntryDate => Fail(400, "not_an_entry_date", ParticipantTexts.NotAnEntryDate(entry, NextEntryDates(m, entry))),
        AllocationRefusal.IntakeClosed => Fail(400, "intake_closed", ParticipantTexts.IntakeClosed(entry, IntakeWindow.Deadline(m))),
        AllocationRefusal.NoPlaceFree => Fail(409, "no_place_free", ParticipantTexts.NoPlaceFree(entry)),
        AllocationRefusal.ContingentExhausted => Fail(409, "contingent_exhausted", ParticipantTexts.ContingentExhausted(entry)),
        AllocationRefusal.NotAMeasureDay => Fail(400, "not_a_measure_day", decision.Message!),
        _ => Fail(400, "outside_measure", decision.Message!),
    };

    private static List<DateOnly> NextEntryDates(Measure m, DateOnly from) =>
        DiaAmEntryDates.All(m).Where(d => d > from).Take(EntryDatesNamed).ToList();

    private static Outcome<ParticipantView> Fail(int status, string code, string message) => Outcome<ParticipantView>.Fail(status, code, message);
}
