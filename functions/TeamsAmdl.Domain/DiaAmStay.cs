namespace TeamsAmdl.Domain;

/// <summary>
/// R-CAP-4: the individual DIA-AM stay is at most 12 weeks (+ up to 4 weeks by decision of the Berater).
/// A participation without a recorded exit is projected to end after the standard 12 weeks, capped at the
/// measure end; an extension (<see cref="Participation.PlannedEnd"/>, <see cref="ParticipationExtension"/>) moves that end.
/// </summary>
public static class DiaAmStay
{
    public const int StandardWeeks = 12;
    public const int MaxExtensionWeeks = 4;

    /// <summary>Last day of a standard stay entering on <paramref name="entry"/>: entry + 12 weeks − 1 day, at most the measure end.</summary>
    public static DateOnly StandardLastDay(Measure measure, DateOnly entry)
    {
        var last = entry.AddDays(StandardWeeks * 7 - 1);
        return last < measure.End ? last : measure.End;
    }

    /// <summary>The recorded exit, otherwise the extended end (at most the measure end), otherwise the standard last day.</summary>
    public static DateOnly ProjectedLastDay(Measure measure, Participation participation) =>
        participation.Exit ?? (participation.PlannedEnd is { } planned ? (planned < measure.End ? planned : measure.End)
            : StandardLastDay(measure, participation.Entry));

    /// <summary>Whether <paramref name="participation"/> still holds a place on <paramref name="day"/> (projected).</summary>
    public static bool IsActiveOn(Measure measure, Participation participation, DateOnly day) =>
        participation.Entry <= day && day <= ProjectedLastDay(measure, participation);

    /// <summary>Counted days a new participant entering on <paramref name="entry"/> consumes (at least 1).</summary>
    public static int StandardDays(Measure measure, DateOnly entry) =>
        Math.Max(1, Teilnahmemonate.Days(entry, StandardLastDay(measure, entry)));
}
