namespace TeamsAmdl.Domain;

/// <summary>
/// Calendar dates as the Jobcenter sees them: in Europe/Berlin, whatever the server's time zone is.
/// All domain dates (measure start/end, entry, exit) are Berlin calendar dates.
/// </summary>
public static class BerlinCalendar
{
    public const string TimeZoneId = "Europe/Berlin";

    /// <summary>The IANA zone Europe/Berlin (tzdata on Linux, ICU mapping on Windows).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Today's date in Berlin according to <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>"21.11.2026, 11:05 Uhr": an instant in Berlin wall-clock time, the one date-time format of the app's texts.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return local.ToString("dd.MM.yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " Uhr";
    }

    /// <summary>The Berlin calendar date of an instant (e.g. 2026-03-28T23:30Z is 29 March in Berlin).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
