namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>
/// R-QA-5: which month-end reports are due on <c>today</c> (Berlin date). The report of a month is due from its last
/// working day on. A report missed because the app was down then is caught up during the first
/// <see cref="CatchUpDays"/> days of the next month, not later: an installation that starts on the 21st does not
/// report last month, and nobody gets a month-end card weeks late. Whether a due report was already made is the
/// caller's record (one row per month), so a timer firing twice or a restart sends nothing twice.
/// </summary>
public static class MonthEndSchedule
{
    public const int CatchUpDays = 5;

    /// <summary>The months whose report is due today, oldest first (at most two: last month's catch-up and this month).</summary>
    public static IReadOnlyList<ReportMonth> Due(DateOnly today)
    {
        var list = new List<ReportMonth>();
        var current = ReportMonth.Of(today);
        if (today.Day <= CatchUpDays) list.Add(current.Previous);
        if (today >= current.ReportDay) list.Add(current);
        return list;
    }
}
