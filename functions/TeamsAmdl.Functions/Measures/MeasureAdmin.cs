using Azure;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Storage;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// Create, edit and close (archive) measures (issue 13, R-ONB-1). Coordinators only. Every change goes through
/// <see cref="MeasureInput"/> (domain rules, German errors per field) and, for an edit, <see cref="MeasureEditRules"/>
/// against what the measure holds; the write is conditional on the ETag read (<see cref="MeasureStore"/>) and re-run
/// on a 412. A capacity increase is announced like one from PUT …/capacity (FreePlaces).
/// </summary>
public sealed class MeasureAdmin(MeasureStore store, MeasureRepository measures, TraegerRepository traeger, StaffRepository staff,
    Names names, FreePlaceAlerts alerts, TimeProvider time, ILogger<MeasureAdmin> log)
{
    private DateOnly Today => BerlinCalendar.Today(time);

    public Task<MeasureDirectory> DirectoryAsync(CancellationToken ct) => MeasureDirectory.LoadAsync(traeger, staff, ct);

    public async Task<MeasureOutcome<MeasureView>> CreateAsync(CurrentUser caller, MeasureBody body, CancellationToken ct)
    {
        if (Denied(caller) is { } denied) return denied;
        var (measure, errors) = MeasureInput.Validate(body, await DirectoryAsync(ct), caller.StaffId);
        if (measure is null) return Invalid(errors);
        if (!await store.AddAsync(measure, ct))
            return MeasureOutcome<MeasureView>.Fail(409, "measure_exists", MeasureTexts.Exists(measure.Number),
                [new FieldError("number", MeasureTexts.Exists(measure.Number))]);
        log.LogInformation("Measure {Measure} created by {Staff}", measure.Number, caller.StaffId);
        return MeasureOutcome<MeasureView>.Success((await ViewAsync(measure.Number, ct))!, 201);
    }

    public async Task<MeasureOutcome<MeasureView>> UpdateAsync(CurrentUser caller, string number, MeasureBody body, CancellationToken ct)
    {
        if (Denied(caller) is { } denied) return denied;
        var directory = await DirectoryAsync(ct);
        MeasurePartition? written = null;
        var result = await Optimistic.RetryAsync(async ct =>
        {
            written = null;
            var read = await store.ReadAsync(number, ct);
            if (read is null) return MeasureOutcome<Measure>.Fail(404, "unknown_measure", MeasureTexts.UnknownMeasure(number));
            if (read.ClosedOn is not null) return MeasureOutcome<Measure>.Fail(409, "measure_closed", MeasureTexts.Closed(number));
            var check = Check(read, body, directory, caller.StaffId);
            if (check.Ok && check.Value != read.Measure)
            {
                await store.UpdateAsync(read, check.Value!, ct);
                written = read;
            }
            return check;
        }, cancellationToken: ct);
        if (!result.Ok) return result.Failure<MeasureView>();
        if (written is not null)
        {
            log.LogInformation("Measure {Measure} edited by {Staff}", number, caller.StaffId);
            await AnnounceAsync(written, result.Value!, caller.StaffId, ct);
        }
        return MeasureOutcome<MeasureView>.Success((await ViewAsync(number, ct))!);
    }

    /// <summary>
    /// Validates <paramref name="body"/> as an edit of <paramref name="read"/>: the new measure, or the German problem (409
    /// capacity_below_occupancy when only the places are refused for being in use, 400 otherwise).
    /// </summary>
    public MeasureOutcome<Measure> Check(MeasurePartition read, MeasureBody body, MeasureDirectory directory, string callerId)
    {
        var (updated, errors) = MeasureInput.Validate(MeasureInput.Merge(body, read.Measure), directory, callerId, read.Measure);
        if (updated is null) return MeasureOutcome<Measure>.Fail(400, "invalid_input", MeasureTexts.Invalid, errors);
        var verdict = MeasureEditRules.Check(read.Measure, updated, read.Participations, read.HeldEntries, Today);
        if (verdict.Allowed) return MeasureOutcome<Measure>.Success(updated);
        return verdict.BelowOccupancy
            ? MeasureOutcome<Measure>.Fail(409, PlaceStateChanges.CapacityBelowOccupancy, verdict.Errors[0].Message, verdict.Errors)
            : MeasureOutcome<Measure>.Fail(400, "invalid_input", MeasureTexts.Invalid, verdict.Errors);
    }

    /// <summary>Archives the measure: it stays readable (history, e-Akte) but leaves lists, requests and alerts. Never deleted.</summary>
    public async Task<MeasureOutcome<MeasureView>> CloseAsync(CurrentUser caller, string number, CancellationToken ct)
    {
        if (Denied(caller) is { } denied) return denied;
        var today = Today;
        var refused = await Optimistic.RetryAsync<MeasureOutcome<MeasureView>?>(async ct =>
        {
            var read = await store.ReadAsync(number, ct);
            if (read is null) return MeasureOutcome<MeasureView>.Fail(404, "unknown_measure", MeasureTexts.UnknownMeasure(number));
            if (read.ClosedOn is not null) return null; // closing twice changes nothing
            if (read.ActiveFrom(today) is var active && (active > 0 || read.HeldEntries.Count > 0))
                return MeasureOutcome<MeasureView>.Fail(409, "measure_in_use", MeasureTexts.InUse(active, read.HeldEntries.Count));
            await store.CloseAsync(read, caller.StaffId, today, ct);
            log.LogInformation("Measure {Measure} closed by {Staff}", number, caller.StaffId);
            return null;
        }, cancellationToken: ct);
        return refused ?? MeasureOutcome<MeasureView>.Success((await ViewAsync(number, ct))!);
    }

    public async Task<MeasureView?> ViewAsync(string number, CancellationToken ct)
    {
        var today = Today;
        var state = await measures.GetAsync(number, today, ct);
        return state is null ? null : (await names.LoadAsync(ct)).View(state, today);
    }

    /// <summary>
    /// A raised capacity frees places: announced to the IFKs like PUT …/capacity (same change key, so the same change
    /// never alerts twice). The edit is stored already; a failing announcement is logged, not reported as a failed edit.
    /// </summary>
    public async Task AnnounceAsync(MeasurePartition before, Measure updated, string by, CancellationToken ct)
    {
        if (updated.Capacity.Places <= before.Measure.Capacity.Places) return;
        var today = Today;
        var snapshot = FreePlaceSnapshot.Take(before.Measure, before.Participations, before.HeldEntries.Count, today);
        var key = FreePlaceTriggers.ChangeKey(FreePlaceTrigger.CapacityChange, $"{updated.Capacity.Places}|v{(before.Row.AllocationVersion ?? 0) + 1}");
        try
        {
            await alerts.OnChangeAsync(updated.Number, FreePlaceTrigger.CapacityChange, key, snapshot, null, by, ct);
        }
        catch (RequestFailedException e)
        {
            log.LogWarning(e, "Capacity change of {Measure} stored but not announced", updated.Number);
        }
    }

    private static MeasureOutcome<MeasureView>? Denied(CurrentUser caller) => caller.Has(StaffRole.Koordinator)
        ? null : MeasureOutcome<MeasureView>.Fail(403, "forbidden", MeasureTexts.CoordinatorsOnly);

    private static MeasureOutcome<MeasureView> Invalid(IReadOnlyList<FieldError> errors) =>
        MeasureOutcome<MeasureView>.Fail(400, "invalid_input", MeasureTexts.Invalid, errors);
}
