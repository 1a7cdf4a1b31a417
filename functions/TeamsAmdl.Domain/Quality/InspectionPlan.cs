using TeamsAmdl.Domain.Calendar;

namespace TeamsAmdl.Domain.Quality;

/// <summary>
/// R-QA-1 Prüfungsrhythmus of an Einkaufsmaßnahme, from its start and end (both inclusive, Berlin dates):
/// <list type="bullet">
/// <item>3 months after the start; 9 months after the start only for measures longer than 6 months
/// (End ≥ Start + 6 months).</item>
/// <item>"n months after" is <see cref="DateOnly.AddMonths"/>: a day the target month lacks is clamped to its last day
/// (31 Jan + 3 months = 30 Apr, 30 Nov + 3 months = 28 Feb or 29 Feb in a leap year). Decided so: the visit stays in
/// the month the rhythm names instead of spilling into the next one.</item>
/// <item>The visit is an on-site appointment: a date on a weekend or Baden-Württemberg holiday moves to the next
/// working day (<see cref="WorkingDays.OnOrAfter"/>).</item>
/// <item>Only inspections on or before the last day of the measure exist (SPEC interpretation "only if that date is
/// before the end", applied to both slots): a 3-month measure ends before its 3-month date and has no regular
/// inspection; ad-hoc inspections cover it if needed.</item>
/// </list>
/// Pure: the plan is recomputed from the dates whenever it is read, so a changed start or end moves it at once.
/// </summary>
public static class InspectionPlan
{
    public static IReadOnlyList<int> Slots { get; } = [3, 9];

    /// <summary>Kinds bought by the REZ ("Einkaufsmaßnahmen" in the Jobcenter's sense) get the rhythm; AGH, LAP and vouchers do not.</summary>
    public static bool Applies(MeasureKind kind) => kind is MeasureKind.Einkaufsmassnahme or MeasureKind.DiaAm or MeasureKind.UbInbeq;

    public static string RegularId(int months) => $"regular-{months}";

    public static IReadOnlyList<PlannedInspection> Regular(DateOnly start, DateOnly end)
    {
        var plan = new List<PlannedInspection>();
        foreach (var months in Slots)
        {
            if (months == 9 && end < start.AddMonths(6)) continue; // not longer than 6 months
            var date = WorkingDays.OnOrAfter(start.AddMonths(months));
            if (date <= end) plan.Add(new PlannedInspection(months, date));
        }
        return plan;
    }
}
