using TeamsAmdl.Storage;
using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>Result of a change to a measure's places: what it was before (for the alert decision) and whether it happened.</summary>
public sealed record PlaceChangeResult(bool Changed, string Message, FreePlaceSnapshot? Before = null, DateOnly? From = null, string? Detail = null,
    string? ErrorCode = null);

/// <summary>
/// Changes of place state besides reservations (<see cref="PlaceAllocator"/>): exits (Exit/Abbruch/Nichtantritt),
/// releasing a held place, capacity changes. Same discipline as the allocator (docs/storage.md): read the measure
/// partition, decide, then commit "measure row under its ETag with AllocationVersion + 1" together with the place
/// row change as one entity-group transaction; a 412 means someone else changed the measure: read and decide again.
/// </summary>
public sealed class PlaceStateChanges(Tables tables, MeasureRepository measures, TimeProvider time)
{
    private const int MaxAttempts = 50;
    private static readonly Func<int, TimeSpan> Pause = _ => Optimistic.Jitter(30);

    /// <summary>
    /// Records that <paramref name="customerRef"/> left the measure on <paramref name="exitDate"/> (last day). Nichtantritt
    /// of a customer who has a held place and never entered releases that place instead. Returns the free places
    /// before the change for the day after the exit.
    /// </summary>
    private static Participation? LatestOf(IEnumerable<Participation> participations, string reference) =>
        participations.Where(p => p.CustomerRef == reference).OrderByDescending(p => p.Entry).FirstOrDefault();

    public async Task<PlaceChangeResult> RecordExitAsync(string number, string customerRef, DateOnly? exitDate, ExitReason reason,
        Func<string, Task<bool>>? releaseHeldPlace, CancellationToken ct)
    {
        var reference = CustomerReference.Normalize(customerRef);
        var today = BerlinCalendar.Today(time);
        return await Optimistic.RetryAsync(async ct =>
        {
            var state = await measures.GetAsync(number, today, ct)
                        ?? throw new DomainValidationException("Measure", $"Die Maßnahme „{number}“ gibt es nicht.");
            var m = state.Measure;
            if (reason == ExitReason.Nichtantritt && state.ReservedRefs.Contains(reference) && releaseHeldPlace is not null)
            {
                var before = FreePlaceSnapshot.Take(m, state.Participations, state.ReservedRefs.Count, today);
                return await releaseHeldPlace(reference)
                    ? new PlaceChangeResult(true, $"Nichtantritt erfasst: Der vorgemerkte Platz von {reference} ist wieder frei.", before, today, reference)
                    : new PlaceChangeResult(false, $"Für {reference} konnte kein vorgemerkter Platz freigegeben werden.");
            }

            // A recorded exit is final: the same exit again (a retry, a double click) answers as before and changes nothing,
            // another one is refused naming the recorded exit (issue 12: a replay with another reason overwrote it).
            // Today's state holds places in use today or later; an exit dated in the past has left it, so look further.
            var latest = LatestOf(state.Participations, reference)
                         ?? LatestOf(await measures.ParticipationsAsync(number, ct), reference);
            if (latest is { ExitReason: { } recordedReason, Exit: { } recordedExit })
            {
                var requested = reason == ExitReason.Nichtantritt ? latest.Entry.AddDays(-1) : exitDate ?? today;
                return recordedReason == reason && requested == recordedExit
                    ? new PlaceChangeResult(false, $"Austritt von {reference} zum {recordedExit:dd.MM.yyyy} ist bereits erfasst ({recordedReason.German()}).")
                    : new PlaceChangeResult(false,
                        $"Für {reference} ist bereits ein Austritt erfasst: zum {recordedExit:dd.MM.yyyy} ({recordedReason.German()}). " +
                        "Ein erfasster Austritt wird nicht überschrieben.", ErrorCode: ExitAlreadyRecorded);
            }
            var participation = state.Participations
                .Where(p => p.CustomerRef == reference && (p.Exit is null || p.Exit >= today))
                .OrderByDescending(p => p.Entry).FirstOrDefault();
            if (participation is null)
                throw new DomainValidationException("CustomerRef", $"{reference} nimmt an Maßnahme {number} nicht (mehr) teil.");

            // Nichtantritt: never attended, so the participation ends the day before its entry.
            var exit = reason == ExitReason.Nichtantritt ? participation.Entry.AddDays(-1) : exitDate ?? today;
            if (reason != ExitReason.Nichtantritt && exit < participation.Entry)
                throw new DomainValidationException("ExitDate",
                    $"Der letzte Tag ({exit:dd.MM.yyyy}) liegt vor dem Eintritt von {reference} ({participation.Entry:dd.MM.yyyy}).");
            // R-TN-4: the exit is reported on the last day or later, never ahead of it.
            if (reason != ExitReason.Nichtantritt && exit > today)
                throw new DomainValidationException("ExitDate",
                    $"Der letzte Tag ({exit:dd.MM.yyyy}) liegt in der Zukunft. Ein Austritt wird am letzten Tag oder danach erfasst.");
            if (exit > m.End)
                throw new DomainValidationException("ExitDate", $"Der letzte Tag ({exit:dd.MM.yyyy}) liegt nach dem Maßnahmeende ({m.End:dd.MM.yyyy}).");

            var from = exit.AddDays(1) > today ? exit.AddDays(1) : today;
            var snapshotBefore = FreePlaceSnapshot.Take(m, state.Participations, state.ReservedRefs.Count, today, from);
            var row = new TableEntity(number, PlaceEntity.ParticipationKey(reference, participation.Entry))
            {
                [nameof(PlaceEntity.Exit)] = StoredDate.Write(exit),
                [nameof(PlaceEntity.ExitReason)] = reason.ToString(),
                [nameof(PlaceEntity.Until)] = StoredDate.Write(exit),
            };
            await tables.Measures.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, Bump(number, state), state.ETag),
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, row, ETag.All),
            ], ct);
            return new PlaceChangeResult(true, $"Austritt von {reference} zum {exit:dd.MM.yyyy} erfasst ({reason.German()}).",
                snapshotBefore, from, $"{reference}|{StoredDate.Write(exit)}");
        }, MaxAttempts, Pause, ct);
    }

    /// <summary>
    /// Gives back the place held for <paramref name="customerRef"/> by request <paramref name="requestId"/>: deletes the
    /// reservation row (only if it belongs to that request) and bumps the measure in one transaction. False if there
    /// is no such held place (already released, or it belongs to another request).
    /// </summary>
    public async Task<bool> ReleaseAsync(string number, string customerRef, string requestId, string ifkId, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        return await Optimistic.RetryAsync(async ct =>
        {
            var state = await measures.GetAsync(number, today, ct);
            if (state is null) return false;
            var found = await tables.Measures.GetEntityIfExistsAsync<TableEntity>(number, PlaceEntity.ReservationKey(customerRef), cancellationToken: ct);
            if (!found.HasValue) return false;
            var reservation = found.Value!;
            var owner = reservation.GetString(ReservationRequestId);
            if (owner is not null ? owner != requestId : reservation.GetString(nameof(PlaceEntity.IfkId)) != ifkId)
                return false;
            try
            {
                await tables.Measures.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge, Bump(number, state), state.ETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, reservation, reservation.ETag),
                ], ct);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                return false;
            }
        }, MaxAttempts, Pause, ct);
    }

    /// <summary>Property on a reservation row naming the place request it belongs to (set right after the reservation).</summary>
    public const string ReservationRequestId = "RequestId";

    /// <summary>Marks the reservation of <paramref name="customerRef"/> as belonging to <paramref name="requestId"/>.</summary>
    public async Task TagReservationAsync(string number, string customerRef, string requestId, CancellationToken ct) =>
        await tables.Measures.UpdateEntityAsync(new TableEntity(number, PlaceEntity.ReservationKey(customerRef))
        {
            [ReservationRequestId] = requestId,
        }, ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>The reservation row of a customer, or null.</summary>
    public async Task<TableEntity?> GetReservationAsync(string number, string customerRef, CancellationToken ct)
    {
        var found = await tables.Measures.GetEntityIfExistsAsync<TableEntity>(number, PlaceEntity.ReservationKey(customerRef), cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Sets the purchased places (UB: Mindestplatzzahl follows at 70 %, rounded up). Returns the snapshot before.
    /// Refused (nothing stored) above the kind's maximum or below the places in use (<see cref="CapacityChange"/>); the
    /// check is part of the optimistic step, so a place given away meanwhile makes the retry refuse.
    /// </summary>
    public async Task<PlaceChangeResult> ChangeCapacityAsync(string number, int places, CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        return await Optimistic.RetryAsync(async ct =>
        {
            var state = await measures.GetAsync(number, today, ct)
                        ?? throw new DomainValidationException("Measure", $"Die Maßnahme „{number}“ gibt es nicht.");
            var m = state.Measure;
            // Before Capacity.Create: the UB Mindestplatzzahl of an absurd number would overflow. Zero and below are its to refuse.
            if (places > 0 && places != m.Capacity.Places
                && CapacityChange.Check(m.Kind, places, CapacityChange.PlacesInUse(state.Participations, state.ReservedRefs.Count, today)) is { } refusal)
                return new PlaceChangeResult(false, refusal.Message, ErrorCode: refusal.Kind == CapacityRefusalKind.BelowOccupancy
                    ? CapacityBelowOccupancy : "invalid_input");
            var capacity = Capacity.Create(m.Kind, places, m.Kind == MeasureKind.UbInbeq ? Mindestplatzzahl.For(places) : null,
                m.Capacity.AverageOccupancy, m.Capacity.ContractedTm);
            if (capacity.Places == m.Capacity.Places)
                return new PlaceChangeResult(false, $"Die Maßnahme hat bereits {places} Plätze.");
            var before = FreePlaceSnapshot.Take(m, state.Participations, state.ReservedRefs.Count, today);
            var bump = Bump(number, state);
            bump[nameof(MeasureEntity.Places)] = capacity.Places;
            if (capacity.MinimumPlaces is { } min) bump[nameof(MeasureEntity.MinimumPlaces)] = min;
            await tables.Measures.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpdateMerge, bump, state.ETag)], ct);
            return new PlaceChangeResult(true, $"Platzzahl von {m.Capacity.Places} auf {capacity.Places} geändert.", before, today,
                $"{capacity.Places}|v{state.AllocationVersion + 1}");
        }, MaxAttempts, Pause, ct);
    }

    /// <summary>Error code of an exit that differs from the one already recorded (409).</summary>
    public const string ExitAlreadyRecorded = "exit_already_recorded";

    /// <summary>Error code of a capacity below the places in use (409: the measure's state, not the input's form, is the problem).</summary>
    public const string CapacityBelowOccupancy = "capacity_below_occupancy";

    private static TableEntity Bump(string number, MeasureState state) =>
        new(number, MeasureEntity.Row) { [nameof(MeasureEntity.AllocationVersion)] = state.AllocationVersion + 1 };
}
