namespace TeamsAmdl.Domain.Calendar;

/// <summary>
/// Statutory public holidays in Baden-Württemberg (the Jobcenter's state), computed per year: the fixed days plus the
/// movable feasts around Easter (Gregorian computus). 24 and 31 December are working days by law.
/// </summary>
public static class BadenWuerttembergHolidays
{
    /// <summary>All holidays of <paramref name="year"/> with their German names, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var easter = EasterSunday(year);
        return new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Neujahr"),
            (new DateOnly(year, 1, 6), "Heilige Drei Könige"),
            (easter.AddDays(-2), "Karfreitag"),
            (easter.AddDays(1), "Ostermontag"),
            (new DateOnly(year, 5, 1), "Tag der Arbeit"),
            (easter.AddDays(39), "Christi Himmelfahrt"),
            (easter.AddDays(50), "Pfingstmontag"),
            (easter.AddDays(60), "Fronleichnam"),
            (new DateOnly(year, 10, 3), "Tag der Deutschen Einheit"),
            (new DateOnly(year, 11, 1), "Allerheiligen"),
            (new DateOnly(year, 12, 25), "1. Weihnachtstag"),
            (new DateOnly(year, 12, 26), "2. Weihnachtstag"),
        }.OrderBy(h => h.Item1).ToList();
    }

    public static bool IsHoliday(DateOnly day) => Of(day.Year).Any(h => h.Date == day);

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
