namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-5: 24 and 31 December are never measure days ("generell unterweisungs-/maßnahmefrei").
/// Only these two days are excluded here: weekends and public holidays are not modelled, because TM are
/// counted per calendar day (1/30 TM per day) and the SPEC names no other exclusions.
/// </summary>
public static class MeasureDays
{
    public static bool IsMeasureDay(DateOnly day) => !(day.Month == 12 && day.Day is 24 or 31);

    /// <summary>
    /// <paramref name="day"/> itself if it is a measure day, otherwise the next one (24 Dec → 25 Dec,
    /// 31 Dec → 1 Jan). Used to propose entry dates.
    /// </summary>
    public static DateOnly NextMeasureDay(DateOnly day)
    {
        while (!IsMeasureDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>Number of days in [<paramref name="first"/>, <paramref name="last"/>] that are not measure days.</summary>
    public static int ExcludedDaysBetween(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var d in new[] { new DateOnly(year, 12, 24), new DateOnly(year, 12, 31) })
                if (d >= first && d <= last)
                    count++;
        }
        return count;
    }

    /// <summary>Calendar days in [<paramref name="first"/>, <paramref name="last"/>] that are measure days; 0 if last &lt; first.</summary>
    public static int CountBetween(DateOnly first, DateOnly last) =>
        last < first ? 0 : last.DayNumber - first.DayNumber + 1 - ExcludedDaysBetween(first, last);
}
