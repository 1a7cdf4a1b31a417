using System.Globalization;

namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// A calendar week as the Jobcenter counts it: ISO 8601 (weeks start on Monday; week 1 holds the year's first
/// Thursday), of the Europe/Berlin calendar date. "2026-W47" on the wire and as table key, "KW 47/2026" for people.
/// The ISO week-based year can differ from the calendar year around New Year (29.12.2025 is in 2026-W01).
/// </summary>
public readonly record struct WeekKey : IComparable<WeekKey>
{
    public WeekKey(int year, int week)
    {
        if (year is < 1 or > 9998)
            throw new DomainValidationException(nameof(Year), $"Das Jahr {year} liegt außerhalb des zulässigen Bereichs.");
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
            throw new DomainValidationException(nameof(Week), $"Die Kalenderwoche {week} gibt es im Jahr {year} nicht.");
        Year = year;
        Week = week;
    }

    /// <summary>ISO week-based year (not always the calendar year of every day in the week).</summary>
    public int Year { get; }

    public int Week { get; }

    /// <summary>The week that contains <paramref name="date"/>.</summary>
    public static WeekKey Of(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return new WeekKey(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    /// <summary>The week of an instant's Berlin calendar date (Sunday 23:30 UTC in summer is already Monday in Berlin).</summary>
    public static WeekKey At(DateTimeOffset instant) => Of(BerlinCalendar.DateOf(instant));

    /// <summary>This week in Berlin according to <paramref name="time"/>.</summary>
    public static WeekKey Current(TimeProvider time) => Of(BerlinCalendar.Today(time));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The day of this week with the given weekday (Monday … Sunday).</summary>
    public DateOnly Day(DayOfWeek day) => Monday.AddDays(((int)day + 6) % 7);

    public bool Contains(DateOnly date) => date >= Monday && date <= Sunday;

    public WeekKey Next() => Of(Monday.AddDays(7));

    public WeekKey Previous() => Of(Monday.AddDays(-7));

    /// <summary>German label: "KW 47/2026".</summary>
    public string Label => $"KW {Week}/{Year}";

    /// <summary>"2026-W47": sorts like the weeks, safe as a table key and in URLs.</summary>
    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    /// <summary>Accepts "2026-W47" and "2026-W7" (case-insensitive W).</summary>
    public static bool TryParse(string? text, out WeekKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-', 2);
        if (parts.Length != 2 || parts[1].Length < 2 || char.ToUpperInvariant(parts[1][0]) != 'W') return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var week))
            return false;
        if (year is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return false;
        key = new WeekKey(year, week);
        return true;
    }

    public static WeekKey Parse(string text) =>
        TryParse(text, out var key)
            ? key
            : throw new DomainValidationException("Week", $"„{text}“ ist keine Kalenderwoche (erwartet z. B. 2026-W47).");

    public int CompareTo(WeekKey other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(WeekKey a, WeekKey b) => a.CompareTo(b) < 0;
    public static bool operator >(WeekKey a, WeekKey b) => a.CompareTo(b) > 0;
    public static bool operator <=(WeekKey a, WeekKey b) => a.CompareTo(b) <= 0;
    public static bool operator >=(WeekKey a, WeekKey b) => a.CompareTo(b) >= 0;
}
