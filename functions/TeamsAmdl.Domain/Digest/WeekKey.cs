using System.Globalization;

namespace TeamsAmdl.Domain.Digest;

/// <summary>
/// A calendar week as the Jobcenter counts it: ISO 8601 (weeks start on Monday; week 1 holds the year's first
/// Thursday), of the Europe/Berlin calendar date. "2026-W47" on the wire and as table key, "KW 47/2026" for people.
/// The ISO week-based year can differ from the calendar year around New Year (29.12.2025 is in 2026-W01).
/// Only the weeks of <see cref="MinYear"/> … <see cref="MaxYear"/> exist here: a week input of this app is never outside,
/// and a bounded range keeps every week's Monday, Sunday and neighbours representable (0001-W01 once made
/// <see cref="Previous"/> overflow <see cref="DateOnly"/>).
/// </summary>
public readonly record struct WeekKey : IComparable<WeekKey>
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    public WeekKey(int year, int week)
    {
        if (year is < MinYear or > MaxYear)
            throw new DomainValidationException(nameof(Year), $"Das Jahr {year} liegt außerhalb des zulässigen Bereichs ({MinYear}–{MaxYear}).");
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
            throw new DomainValidationException(nameof(Week), $"Die Kalenderwoche {week} gibt es im Jahr {year} nicht.");
        Year = year;
        Week = week;
    }

    /// <summary>The first supported week: KW 1/2000.</summary>
    public static WeekKey MinValue => new(MinYear, 1);

    /// <summary>The last supported week: the last ISO week of <see cref="MaxYear"/>.</summary>
    public static WeekKey MaxValue => new(MaxYear, ISOWeek.GetWeeksInYear(MaxYear));

    /// <summary>Whether (<paramref name="year"/>, <paramref name="week"/>) is a week of the supported range.</summary>
    public static bool IsSupported(int year, int week) =>
        year is >= MinYear and <= MaxYear && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);

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

    /// <summary>The following week; null after <see cref="MaxValue"/>.</summary>
    public WeekKey? Next() => this == MaxValue ? null : Of(Monday.AddDays(7));

    /// <summary>The week before; null before <see cref="MinValue"/>.</summary>
    public WeekKey? Previous() => this == MinValue ? null : Of(Monday.AddDays(-7));

    /// <summary>
    /// Whether this is <paramref name="current"/> or the week before it: the weeks whose inputs are still open and whose
    /// digest may be published (R-INFO-2, R-INFO-3).
    /// </summary>
    public bool IsCurrentOrPreviousOf(WeekKey current) => this == current || this == current.Previous();

    /// <summary>German label: "KW 47/2026".</summary>
    public string Label => $"KW {Week}/{Year}";

    /// <summary>"2026-W47": sorts like the weeks, safe as a table key and in URLs.</summary>
    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    /// <summary>Accepts "2026-W47" and "2026-W7" (case-insensitive W) of the supported range; refuses everything else.</summary>
    public static bool TryParse(string? text, out WeekKey key)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-', 2);
        if (parts.Length != 2 || parts[1].Length < 2 || char.ToUpperInvariant(parts[1][0]) != 'W') return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var week))
            return false;
        if (!IsSupported(year, week)) return false;
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
