using TeamsAmdl.Domain;
using static TeamsAmdl.Functions.Measures.MeasureContracts;

namespace TeamsAmdl.Functions.Measures;

/// <summary>The verdict on an edit: German errors per field; BelowOccupancy when the places would not hold those in use (409).</summary>
public sealed record EditVerdict(IReadOnlyList<FieldError> Errors, bool BelowOccupancy)
{
    public bool Allowed => Errors.Count == 0;
}

/// <summary>
/// R-CAP rules for changing a measure that already holds people. Pure: the caller passes everything the measure's
/// partition holds. Everything else derived from the dates (entry-date grid, intake deadline, Mindestplatzzahl period,
/// DIA-AM stays) is computed from the stored measure on every read, so it follows the edit by itself; these rules only
/// refuse edits that would strand what is already recorded:
/// <list type="bullet">
/// <item>places below the places in use (<see cref="CapacityChange"/>);</item>
/// <item>a start after a recorded entry, an end before a recorded entry or exit, or before today while someone is still in;</item>
/// <item>DIA-AM: a new start that moves the 14-day grid off recorded or held entry dates (R-CAP-4);</item>
/// <item>UB: entries or held places beyond the new intake deadline (R-CAP-3);</item>
/// <item>DIA-AM: a contingent below the Teilnahmemonate the recorded stays already commit (R-CAP-4).</item>
/// </list>
/// </summary>
public static class MeasureEditRules
{
    /// <param name="old">The stored measure.</param>
    /// <param name="updated">The validated new version.</param>
    /// <param name="participations">All participations of the measure, ended ones included.</param>
    /// <param name="heldEntries">Entry dates of the places held by requests and reservations.</param>
    /// <param name="today">Today in Berlin.</param>
    public static EditVerdict Check(Measure old, Measure updated, IReadOnlyList<Participation> participations,
        IReadOnlyList<DateOnly> heldEntries, DateOnly today)
    {
        var errors = new List<FieldError>();
        var below = false;
        var placesField = updated.Kind == MeasureKind.DiaAm ? "maxOccupancy" : "places";
        if (updated.Capacity.Places != old.Capacity.Places
            && CapacityChange.Check(updated.Kind, updated.Capacity.Places,
                CapacityChange.PlacesInUse(participations, heldEntries.Count, today)) is { } refusal)
        {
            errors.Add(new FieldError(placesField, refusal.Message));
            below = refusal.Kind == CapacityRefusalKind.BelowOccupancy;
        }

        if (participations.Count > 0)
        {
            var firstEntry = participations.Min(p => p.Entry);
            if (updated.Start > firstEntry) errors.Add(new FieldError("start", MeasureTexts.StartAfterEntry(firstEntry)));
            var lastUse = participations.Max(p => p.Exit is { } x && x > p.Entry ? x : p.Entry);
            if (updated.End < lastUse) errors.Add(new FieldError("end", MeasureTexts.EndBeforeUse(lastUse)));
            else if (updated.End < today && participations.Any(p => p.Exit is null))
                errors.Add(new FieldError("end", MeasureTexts.EndBeforeTodayActive(today)));
        }
        var entries = participations.Select(p => p.Entry).Concat(heldEntries).Distinct().Order().ToList();
        if (updated.Kind == MeasureKind.DiaAm && updated.Start != old.Start
            && entries.Where(d => !DiaAmEntryDates.IsEntryDate(updated, d)).ToList() is { Count: > 0 } offGrid)
            errors.Add(new FieldError("start", MeasureTexts.OffGrid(offGrid)));
        if (updated.Kind == MeasureKind.UbInbeq && (updated.Start != old.Start || updated.End != old.End))
        {
            var deadline = IntakeWindow.Deadline(updated);
            var outside = entries.Where(d => d > deadline).ToList();
            if (outside.Count > 0) errors.Add(new FieldError("end", MeasureTexts.OutsideIntake(outside, deadline)));
        }
        if (updated.Kind == MeasureKind.DiaAm && updated.Capacity.ContractedTm is { } tm && tm != old.Capacity.ContractedTm)
        {
            var committed = TmContingent.CommittedDays(updated, participations);
            if (tm * Teilnahmemonate.DaysPerMonth < committed)
                errors.Add(new FieldError("teilnahmemonate", MeasureTexts.ContingentBelowCommitted(Teilnahmemonate.FromDays(committed))));
        }
        return new EditVerdict(errors, below && errors.Count == 1);
    }
}
