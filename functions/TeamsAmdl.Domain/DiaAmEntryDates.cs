namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-4: DIA-AM entry dates (Eintrittstermine) every 14 days from the measure start, within [Start, End].
/// The grid is Start + 14·k; a grid day that is not a measure day (24/31 December, R-CAP-5) moves to the next
/// measure day (25 December / 1 January) without shifting the following grid days. A moved date after the
/// measure end is dropped.
/// </summary>
public static class DiaAmEntryDates
{
    public const int IntervalDays = 14;

    /// <summary>All entry dates of the measure, ascending.</summary>
    public static IEnumerable<DateOnly> All(Measure measure)
    {
        for (var grid = measure.Start; grid <= measure.End; grid = grid.AddDays(IntervalDays))
        {
            var entry = MeasureDays.NextMeasureDay(grid);
            if (entry <= measure.End)
                yield return entry;
        }
    }

    /// <summary>The first entry date on or after <paramref name="day"/>, or null if none is left.</summary>
    public static DateOnly? NextOnOrAfter(Measure measure, DateOnly day)
    {
        var from = day < measure.Start ? measure.Start : day;
        // Start from the grid day at or before 'from' (its moved date may still be >= from).
        var steps = (from.DayNumber - measure.Start.DayNumber) / IntervalDays;
        for (var grid = measure.Start.AddDays(steps * IntervalDays); grid <= measure.End; grid = grid.AddDays(IntervalDays))
        {
            var entry = MeasureDays.NextMeasureDay(grid);
            if (entry > measure.End)
                return null;
            if (entry >= from)
                return entry;
        }
        return null;
    }

    public static bool IsEntryDate(Measure measure, DateOnly day) => NextOnOrAfter(measure, day) == day;
}
