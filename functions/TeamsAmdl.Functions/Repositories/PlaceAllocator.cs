using TeamsAmdl.Storage;
using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Repositories;

public enum ReservationStatus { Reserved, Refused, AlreadyReserved, UnknownMeasure }

/// <summary>Result of a place request. Message is German, for the card or the API caller.</summary>
public sealed record ReservationOutcome(ReservationStatus Status, string Message, AllocationRefusal Refusal = AllocationRefusal.None,
    DateOnly? EntryDate = null, int? FreePlacesAfter = null);

/// <summary>
/// Gives places with optimistic concurrency (R-CAP-2): read the measure partition, let the domain decide
/// (<see cref="PlaceAllocation"/>), then commit "measure row under its ETag + new reservation row" as one
/// entity-group transaction. A 412 means another allocation committed first: read again and decide again.
/// </summary>
public sealed class PlaceAllocator(Tables tables, MeasureRepository measures, TimeProvider time)
{
    private const int MaxAttempts = 100;

    public async Task<ReservationOutcome> TryReserveAsync(string number, string customerRef, string ifkId, DateOnly? entryDate = null,
        CancellationToken ct = default)
    {
        var reference = CustomerReference.Normalize(customerRef);
        var today = BerlinCalendar.Today(time);
        return await Optimistic.RetryAsync(async ct =>
        {
            var state = await measures.GetAsync(number, today, ct);
            if (state is null)
                return new ReservationOutcome(ReservationStatus.UnknownMeasure, $"Die Maßnahme „{number}“ gibt es nicht.");
            if (state.Closed)
                return new ReservationOutcome(ReservationStatus.Refused, $"Die Maßnahme „{number}“ ist geschlossen und nimmt niemanden mehr auf.",
                    AllocationRefusal.IntakeClosed);
            var m = state.Measure;
            if (state.ReservedRefs.Contains(reference) || state.Participations.Any(p => p.CustomerRef == reference && p.IsActiveOn(today)))
                return new ReservationOutcome(ReservationStatus.AlreadyReserved,
                    $"Für {reference} ist in dieser Maßnahme bereits ein Platz vergeben oder reserviert.");

            var entry = entryDate ?? DefaultEntryDate(m, today);
            var counts = Occupancy.CountsFor(m, state.Participations, state.ReservedRefs.Count, entry);
            var decision = PlaceAllocation.TryReserve(m, counts, entry);
            if (!decision.Granted)
                return new ReservationOutcome(ReservationStatus.Refused, decision.Message!, decision.Refusal, entry, counts.Free);

            var bump = new TableEntity(number, MeasureEntity.Row) { [nameof(MeasureEntity.AllocationVersion)] = state.AllocationVersion + 1 };
            var reservation = new PlaceEntity
            {
                PartitionKey = number, RowKey = PlaceEntity.ReservationKey(reference), CustomerRef = reference, IfkId = ifkId,
                Entry = StoredDate.Write(entry), Until = PlaceEntity.Open, CreatedAt = time.GetUtcNow(),
            };
            try
            {
                await tables.Measures.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge, bump, state.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, reservation),
                ], ct);
                return new ReservationOutcome(ReservationStatus.Reserved,
                    $"Platz reserviert für {reference}, Eintritt am {entry:dd.MM.yyyy}.", AllocationRefusal.None, entry, decision.Counts.Free);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                return new ReservationOutcome(ReservationStatus.AlreadyReserved,
                    $"Für {reference} ist in dieser Maßnahme bereits ein Platz vergeben oder reserviert.");
            }
        }, MaxAttempts, pause: attempt => Optimistic.Jitter(20 + 10 * Math.Min(attempt + 1, 10)), ct);
        // (412: someone else allocated in this measure since we read it: back off a little, jittered, and decide again.)
    }

    /// <summary>DIA-AM: the next 14-day entry date; other kinds: today, or the start if the measure has not begun.</summary>
    public static DateOnly DefaultEntryDate(Measure m, DateOnly today) =>
        m.EntryModel == EntryModel.Stichtage14Tage
            ? DiaAmEntryDates.NextOnOrAfter(m, today) ?? m.End
            : (today < m.Start ? m.Start : MeasureDays.NextMeasureDay(today));
}
