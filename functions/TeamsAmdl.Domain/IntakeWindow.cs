namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-3: on which days a participant may enter (Eintritt) a measure.
/// <list type="bullet">
/// <item>UB/InbeQ: laufender Einstieg and Nachbesetzung only during the first 12 months of the measure,
/// i.e. from Start to <see cref="MonthTwelveEnd"/>, and never after the measure end.</item>
/// <item>Other kinds: from Start to End.</item>
/// </list>
/// The window concerns the entry date only: an assignment (Zuweisung/reservation) may be made before the
/// measure starts, as long as the entry date lies in the window.
/// </summary>
public static class IntakeWindow
{
    /// <summary>
    /// Last day of the first 12 months: Start.AddMonths(12).AddDays(-1) (31.01.2025 → 30.01.2026), following
    /// § 188 Abs. 2/3 BGB: if the start day does not exist 12 months later (start on 29 February), the period
    /// ends with the last day of that month (29.02.2024 → 28.02.2025, not 27.02.2025).
    /// </summary>
    public static DateOnly MonthTwelveEnd(Measure measure)
    {
        var anniversary = measure.Start.AddMonths(12);
        return anniversary.Day == measure.Start.Day ? anniversary.AddDays(-1) : anniversary;
    }

    /// <summary>Last day on which a participant can enter: end of month 12 for UB (at most the measure end), the measure end otherwise.</summary>
    public static DateOnly Deadline(Measure measure)
    {
        if (measure.Kind != MeasureKind.UbInbeq)
            return measure.End;
        var monthTwelve = MonthTwelveEnd(measure);
        return monthTwelve < measure.End ? monthTwelve : measure.End;
    }

    /// <summary>Whether a participant can enter on <paramref name="day"/>.</summary>
    public static bool IsOpen(Measure measure, DateOnly day) => day >= measure.Start && day <= Deadline(measure);

    /// <summary>Whether <paramref name="day"/> falls in the first 12 months of a running measure (UB Mindestplatzzahl period).</summary>
    public static bool IsInFirstTwelveMonths(Measure measure, DateOnly day) =>
        day >= measure.Start && day <= MonthTwelveEnd(measure) && day <= measure.End;
}
