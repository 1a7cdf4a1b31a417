using TeamsAmdl.Domain.Calendar;

namespace TeamsAmdl.Domain.Deadlines;

/// <summary>
/// The day each deadline of SPEC §8 falls on (R-TN-1, R-TN-2, R-TN-4). Weekly and fortnightly deadlines count calendar
/// days; a last day on a weekend or Baden-Württemberg holiday moves to the next working day (24 and 31 December are
/// working days). Attendance does not move: the Träger's data lock on the 10th. Month periods end as § 188 BGB counts
/// them (a 12-month stay from 29 February ends on 28 February).
/// </summary>
public static class DeadlineRules
{
    /// <summary>R-TN-1: the Erwartungsbogen is there by the entry day (it is filled in at assignment).</summary>
    public static DateOnly Erwartungsbogen(DateOnly entry) => entry;

    /// <summary>R-TN-2: Nichtantritt/Abbruch → 1 week after the event; regular end → 2 weeks after the Abschlussgespräch on the last day.</summary>
    public static DateOnly Feedbackbogen(ExitReason reason, DateOnly lastDay) =>
        WorkingDays.OnOrAfter(lastDay.AddDays(reason == ExitReason.RegulaeresEnde ? 14 : 7));

    /// <summary>R-TN-4: attendance of a month by the 9th calendar day of the following month, unmoved (locked from the 10th).</summary>
    public static DateOnly Anwesenheit(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(8);

    /// <summary>R-TN-4: the first day the attendance of a month can no longer be changed.</summary>
    public static DateOnly AnwesenheitLockedFrom(int year, int month) => Anwesenheit(year, month).AddDays(1);

    /// <summary>R-TN-4: the Bewirtschaftungsliste of a month by the 10th of the following month.</summary>
    public static DateOnly Bewirtschaftungsliste(int year, int month) => WorkingDays.OnOrAfter(new DateOnly(year, month, 1).AddMonths(1).AddDays(9));

    /// <summary>R-TN-4: entry/non-entry is reported on the day fixed as the entry day.</summary>
    public static DateOnly Eintrittsmeldung(DateOnly entry) => entry;

    /// <summary>R-TN-4: exit and whereabouts at the latest on the last day of actual participation.</summary>
    public static DateOnly Austrittsmeldung(DateOnly lastDay) => lastDay;

    /// <summary>R-TN-4 (UB): the LuV after 12 months of participation, on the first working day after those 12 months.</summary>
    public static DateOnly LuV12Monate(DateOnly entry) => WorkingDays.OnOrAfter(PeriodEnd(entry, 12).AddDays(1));

    /// <summary>
    /// R-TN-4 (UB): the LuV "zum Ende" of the Einstiegs-, Qualifizierungs- or Stabilisierungsphase, due on the phase's last day
    /// (a change recorded for day X: X − 1; an exit: the last day). Unlike the exit report (due on the last day itself,
    /// "tagesaktuell") it is a document about the phase just ended, so a last day on a weekend or holiday moves to the next
    /// working day like the other written reports.
    /// </summary>
    public static DateOnly LuVPhasenende(DateOnly lastDayOfPhase) => WorkingDays.OnOrAfter(lastDayOfPhase);

    /// <summary>R-TN-4 (DIA-AM): the Abschlussbericht ≤ 2 weeks after the end.</summary>
    public static DateOnly Abschlussbericht(DateOnly lastDay) => WorkingDays.OnOrAfter(lastDay.AddDays(14));

    /// <summary>The last day of a period of <paramref name="months"/> months starting on <paramref name="start"/> (§ 188 Abs. 2, 3 BGB).</summary>
    public static DateOnly PeriodEnd(DateOnly start, int months)
    {
        var corresponding = start.AddMonths(months);
        // No corresponding day (31st, 29 February): the period ends with that month; otherwise the day before it.
        return corresponding.Day != start.Day ? corresponding : corresponding.AddDays(-1);
    }
}
