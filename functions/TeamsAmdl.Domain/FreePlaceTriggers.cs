using System.Globalization;

namespace TeamsAmdl.Domain;

/// <summary>R-FREE-1: the events that can make places free. Stored by name: do not rename members.</summary>
public enum FreePlaceTrigger
{
    /// <summary>A participant left (regular end).</summary>
    Exit,
    /// <summary>A participant dropped out (Abbruch).</summary>
    Abbruch,
    /// <summary>An assigned customer did not start (Nichtantritt): their reservation is released.</summary>
    Nichtantritt,
    /// <summary>The purchased capacity was raised.</summary>
    CapacityChange,
    /// <summary>The Koordinator opened the measure for assignment (Zuweisung).</summary>
    OpenedForAssignment,
    /// <summary>A DIA-AM entry date is coming up and has room.</summary>
    DiaAmEntryDate,
    /// <summary>The Betreuer's weekly input (Maßnahmeinfo) reports the measure.</summary>
    WeeklyInput,
    /// <summary>A held place was given back: request declined or withdrawn.</summary>
    PlaceReleased,
}

/// <summary>Whether a change leads to an alert, and why (German, for logs and the API).</summary>
public sealed record AlertDecision(bool Alert, string Reason)
{
    public static AlertDecision Yes(string reason) => new(true, reason);
    public static AlertDecision No(string reason) => new(false, reason);
}

/// <summary>
/// R-FREE-1/-3: when a change of a measure is announced to the subscribed IFKs.
/// <list type="bullet">
/// <item>Never when the intake is closed (UB after month 12, measure over, no DIA-AM entry date left) or no place is
/// free after the change. DIA-AM free places already respect the TM contingent (<see cref="FreePlaceSnapshot"/>).</item>
/// <item>Events that free places (exit, Abbruch, Nichtantritt, capacity change, released place) alert only when the
/// change raised the number of free places: lowering a capacity or an exit that does not free a place for the next
/// entry date says nothing new.</item>
/// <item>Status events (opened for assignment, upcoming DIA-AM entry date, weekly input) alert whenever places are free.</item>
/// <item>One alert per measure per change: every change has a <see cref="ChangeKey"/>; the same key alerts once.</item>
/// </list>
/// </summary>
public static class FreePlaceTriggers
{
    /// <summary>Days before a DIA-AM entry date on which its free places are announced (default).</summary>
    public const int DefaultDiaAmLeadDays = 7;

    public static bool FreesPlaces(FreePlaceTrigger trigger) => trigger is FreePlaceTrigger.Exit or FreePlaceTrigger.Abbruch
        or FreePlaceTrigger.Nichtantritt or FreePlaceTrigger.CapacityChange or FreePlaceTrigger.PlaceReleased;

    /// <summary>Decides on an alert from the free places before and after the change.</summary>
    /// <param name="before">Snapshot before the change; null when unknown (then any free place counts as new).</param>
    public static AlertDecision Evaluate(FreePlaceTrigger trigger, FreePlaceSnapshot? before, FreePlaceSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (!after.IntakeOpen)
            return AlertDecision.No(after.EntryDate is null
                ? "Die Maßnahme nimmt keine Teilnehmenden mehr auf (kein Eintrittstermin mehr)."
                : Format($"Aufnahmen sind nur bis {after.IntakeDeadline:dd.MM.yyyy} möglich; die Aufnahmefrist ist abgelaufen."));
        if (after.Free <= 0)
            return AlertDecision.No("Nach der Änderung ist kein Platz frei.");
        if (FreesPlaces(trigger) && before is { IntakeOpen: true } b && after.Free <= b.Free)
            return AlertDecision.No(Format($"Die Änderung hat keinen Platz frei gemacht ({b.Free} vorher, {after.Free} nachher)."));
        return AlertDecision.Yes(after.Free == 1 ? "1 Platz frei." : Format($"{after.Free} Plätze frei."));
    }

    /// <summary>
    /// The identity of a change, so that the same change alerts once: an exit by customer and exit date, a capacity
    /// change by its new capacity and version, a released place by the request, a DIA-AM entry date by its date, a
    /// weekly input by ISO week, the opening once.
    /// </summary>
    public static string ChangeKey(FreePlaceTrigger trigger, string detail) => trigger switch
    {
        FreePlaceTrigger.OpenedForAssignment => "opened",
        _ => $"{trigger}|{detail}",
    };

    public static string WeekKey(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}");

    /// <summary>
    /// DIA-AM: the next entry date if it lies within <paramref name="leadDays"/> days from <paramref name="today"/>
    /// (today included), else null. Announced once per entry date (change key = the date).
    /// </summary>
    public static DateOnly? UpcomingDiaAmEntryDate(Measure measure, DateOnly today, int leadDays = DefaultDiaAmLeadDays)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.EntryModel != EntryModel.Stichtage14Tage) return null;
        var next = DiaAmEntryDates.NextOnOrAfter(measure, today);
        return next is { } n && n.DayNumber - today.DayNumber <= leadDays ? n : null;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
