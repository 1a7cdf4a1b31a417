using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>What an operation did: a German message, and the alert outcome of the change it caused (if any).</summary>
public sealed record OperationResult(bool Changed, string Message, ChangeOutcome? Alert = null, string? ErrorCode = null)
{
    public static OperationResult Fail(string code, string message) => new(false, message, null, code);
}

/// <summary>
/// The events that can free places (R-FREE-1), each recorded through <see cref="PlaceStateChanges"/> or
/// <see cref="PlaceRequestService"/> and then handed to <see cref="FreePlaceAlerts"/>: exit/Abbruch/Nichtantritt,
/// capacity change, opening for assignment, an upcoming DIA-AM entry date, the Betreuer's weekly input, and places
/// given back by a declined or withdrawn request.
/// </summary>
public sealed class FreePlaceOperations(PlaceStateChanges changes, PlaceRequestService requests, FreePlaceAlerts alerts,
    MeasureRepository measures, IOptions<FreePlacesOptions> options, TimeProvider time)
{
    private DateOnly Today => BerlinCalendar.Today(time);

    public async Task<OperationResult> RecordExitAsync(Staff user, string number, string? customerRef, DateOnly? exitDate, ExitReason reason,
        CancellationToken ct)
    {
        if (await AuthorizeAsync(user, number, ct) is { } denied) return denied;
        PlaceChangeResult result;
        try
        {
            result = await changes.RecordExitAsync(number, customerRef ?? "", exitDate, reason,
                r => requests.ReleaseForNichtantrittAsync(number, r, ct), ct);
        }
        catch (DomainValidationException e)
        {
            return OperationResult.Fail("invalid_input", e.Message);
        }
        if (result.ErrorCode is { } code) return OperationResult.Fail(code, result.Message);
        if (!result.Changed) return new OperationResult(false, result.Message);
        var trigger = reason switch
        {
            ExitReason.Abbruch => FreePlaceTrigger.Abbruch,
            ExitReason.Nichtantritt => FreePlaceTrigger.Nichtantritt,
            _ => FreePlaceTrigger.Exit,
        };
        var alert = await alerts.OnChangeAsync(number, trigger, FreePlaceTriggers.ChangeKey(trigger, result.Detail!), result.Before, result.From, user.Id, ct);
        return new OperationResult(true, result.Message, alert);
    }

    public async Task<OperationResult> ChangeCapacityAsync(Staff user, string number, int places, CancellationToken ct)
    {
        if (await AuthorizeAsync(user, number, ct, coordinatorOnly: true) is { } denied) return denied;
        PlaceChangeResult result;
        try
        {
            result = await changes.ChangeCapacityAsync(number, places, ct);
        }
        catch (DomainValidationException e)
        {
            return OperationResult.Fail("invalid_input", e.Message);
        }
        if (result.ErrorCode is { } code) return OperationResult.Fail(code, result.Message); // refused: nothing stored, nothing announced
        if (!result.Changed) return new OperationResult(false, result.Message);
        var alert = await alerts.OnChangeAsync(number, FreePlaceTrigger.CapacityChange,
            FreePlaceTriggers.ChangeKey(FreePlaceTrigger.CapacityChange, result.Detail!), result.Before, null, user.Id, ct);
        return new OperationResult(true, result.Message, alert);
    }

    public async Task<OperationResult> OpenForAssignmentAsync(Staff user, string number, CancellationToken ct)
    {
        if (await AuthorizeAsync(user, number, ct, coordinatorOnly: true) is { } denied) return denied;
        var alert = await alerts.OnChangeAsync(number, FreePlaceTrigger.OpenedForAssignment,
            FreePlaceTriggers.ChangeKey(FreePlaceTrigger.OpenedForAssignment, ""), null, null, user.Id, ct);
        return new OperationResult(true, "Die Maßnahme ist zur Zuweisung freigegeben.", alert);
    }

    /// <summary>The Betreuer's weekly input (Maßnahmeinfo) on a measure: announces its free places once per ISO week.</summary>
    public async Task<OperationResult> WeeklyInputAsync(Staff user, string number, CancellationToken ct)
    {
        if (await AuthorizeAsync(user, number, ct) is { } denied) return denied;
        var alert = await alerts.OnChangeAsync(number, FreePlaceTrigger.WeeklyInput,
            FreePlaceTriggers.ChangeKey(FreePlaceTrigger.WeeklyInput, FreePlaceTriggers.WeekKey(Today)), null, null, user.Id, ct);
        return new OperationResult(true, "Wochenmeldung erfasst.", alert);
    }

    /// <summary>Announces DIA-AM entry dates coming up within the lead time that have room (once per entry date).</summary>
    public async Task<IReadOnlyList<ChangeOutcome>> ScanDiaAmEntryDatesAsync(CancellationToken ct)
    {
        var today = Today;
        var outcomes = new List<ChangeOutcome>();
        foreach (var state in await measures.ListAsync(today, ct))
        {
            if (FreePlaceTriggers.UpcomingDiaAmEntryDate(state.Measure, today, options.Value.DiaAmLeadDays) is not { } entry) continue;
            outcomes.Add(await alerts.OnChangeAsync(state.Measure.Number, FreePlaceTrigger.DiaAmEntryDate,
                FreePlaceTriggers.ChangeKey(FreePlaceTrigger.DiaAmEntryDate, entry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                null, entry, null, ct));
        }
        return outcomes;
    }

    public async Task<(RequestOutcome Request, ChangeOutcome? Alert)> DeclineAsync(Staff user, string number, string requestId, string? reason,
        bool viaCard, CancellationToken ct)
    {
        var before = await BeforeAsync(number, ct);
        var outcome = await requests.DeclineAsync(user, number, requestId, reason, viaCard, ct);
        return (outcome, await ReleasedAsync(outcome, number, requestId, before, user, ct));
    }

    public async Task<(RequestOutcome Request, ChangeOutcome? Alert)> WithdrawAsync(Staff user, string number, string requestId, CardLocation? card,
        CancellationToken ct)
    {
        var before = await BeforeAsync(number, ct);
        var outcome = await requests.WithdrawAsync(user, number, requestId, card, ct);
        return (outcome, await ReleasedAsync(outcome, number, requestId, before, user, ct));
    }

    private async Task<ChangeOutcome?> ReleasedAsync(RequestOutcome outcome, string number, string requestId, FreePlaceSnapshot? before, Staff user,
        CancellationToken ct) =>
        outcome is { Ok: true, PlaceReleased: true }
            ? await alerts.OnChangeAsync(number, FreePlaceTrigger.PlaceReleased, FreePlaceTriggers.ChangeKey(FreePlaceTrigger.PlaceReleased, requestId),
                before, null, user.Id, ct)
            : null;

    private async Task<FreePlaceSnapshot?> BeforeAsync(string number, CancellationToken ct)
    {
        if (!PlaceRequestRepository.IsSafeKey(number)) return null;
        var state = await measures.GetAsync(number, Today, ct);
        return state is null ? null : FreePlaceSnapshot.Take(state.Measure, state.Participations, state.ReservedRefs.Count, Today);
    }

    private async Task<OperationResult?> AuthorizeAsync(Staff user, string number, CancellationToken ct, bool coordinatorOnly = false)
    {
        if (!PlaceRequestRepository.IsSafeKey(number))
            return OperationResult.Fail("unknown_measure", "Diese Maßnahme gibt es nicht.");
        var state = await measures.GetAsync(number, Today, ct);
        if (state is null)
            return OperationResult.Fail("unknown_measure", $"Die Maßnahme „{number}“ gibt es nicht.");
        var m = state.Measure;
        var allowed = coordinatorOnly ? user.Id == m.KoordinatorId || user.Has(StaffRole.Koordinator) : PlaceRequestService.CanDecide(user, m);
        return allowed ? null : OperationResult.Fail("forbidden", coordinatorOnly
            ? "Das darf nur die Koordination der Maßnahme."
            : "Das dürfen nur die Betreuung und die Koordination der Maßnahme.");
    }
}
