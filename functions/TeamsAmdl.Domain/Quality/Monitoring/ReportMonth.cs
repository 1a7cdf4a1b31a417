using System.Globalization;

namespace TeamsAmdl.Domain.Quality.Monitoring;

/// <summary>A calendar month of the monitoring and the COSACH export, written "yyyy-MM" (e.g. "2026-11").</summary>
public readonly record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The last working day of the month: the day of the month-end monitoring (R-QA-5).</summary>
    public DateOnly ReportDay => Calendar.WorkingDays.LastOfMonth(First);

    public ReportMonth Previous => Of(First.AddMonths(-1));

    public static ReportMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>"2026-11"; null for anything else (no "2026-1", no day, years 2000–2099 only).</summary>
    public static ReportMonth? Parse(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                              && d.Year is >= 2000 and <= 2099
            ? Of(d)
            : null;

    public int CompareTo(ReportMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => $"{Year:0000}-{Month:00}";

    /// <summary>"November 2026".</summary>
    public string German => $"{CultureInfo.GetCultureInfo("de-DE").DateTimeFormat.GetMonthName(Month)} {Year}";
}
