namespace TeamsAmdl.Domain.Calendar;

/// <summary>
/// Working days of the Jobcenter: Monday–Friday except Baden-Württemberg public holidays. Deadlines that fall on a
/// weekend or holiday move to the next working day (R-QA-3, R-TN-2/4); "after n working days" counts only these days.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BadenWuerttembergHolidays.IsHoliday(day);

    /// <summary><paramref name="day"/> itself if it is a working day, else the next working day after it.</summary>
    public static DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="day"/> (count ≥ 0; 0 = OnOrAfter).</summary>
    public static DateOnly Add(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        day = OnOrAfter(day);
        for (var i = 0; i < count; i++) day = OnOrAfter(day.AddDays(1));
        return day;
    }

    /// <summary>The last working day of the month of <paramref name="day"/> (month-end monitoring, R-QA-5).</summary>
    public static DateOnly LastOfMonth(DateOnly day)
    {
        var last = new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
        while (!IsWorkingDay(last)) last = last.AddDays(-1);
        return last;
    }
}
