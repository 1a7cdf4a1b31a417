using System.Globalization;

namespace TeamsAmdl.Domain;

/// <summary>
/// The phases of a UB/InbeQ participation (R-TN-4, seed 002 B.1.3/B.2.2): the Einstiegsphase from the entry, the
/// Qualifizierungsphase from the day the first qualifying workplace is taken, the Stabilisierungsphase from a recorded day.
/// A change recorded for day X ends the previous phase on X − 1; the exit ends the phase then current. Changes are appended
/// in order: Einstieg → Qualifizierung → Stabilisierung, and back from Stabilisierung to Qualifizierung (a change of company,
/// seed ~633), never back to the Einstiegsphase (seed ~627). An Einstiegsphase past 8 weeks is a hint, not a refusal: the
/// IFK decides on its extension.
/// </summary>
public static class UbPhases
{
    public const int EinstiegWeeks = 8;

    /// <summary>Every phase stretch of <paramref name="p"/> in order; the last one ends with the exit (or runs).</summary>
    public static IReadOnlyList<UbPhasePeriod> Periods(Participation p)
    {
        var periods = new List<UbPhasePeriod>();
        var (phase, from) = (UbPhase.Einstieg, p.Entry);
        // A change after the exit (an exit recorded later for an earlier day) never began: the exit ended the phase before it.
        foreach (var change in (p.Phases ?? []).Where(c => p.Exit is null || c.From <= p.Exit).OrderBy(c => c.From))
        {
            periods.Add(new UbPhasePeriod(phase, from, change.From.AddDays(-1)));
            (phase, from) = (change.Phase, change.From);
        }
        periods.Add(new UbPhasePeriod(phase, from, p.Exit));
        return periods;
    }

    /// <summary>The phase stretch running now, or the last one (after the exit).</summary>
    public static UbPhasePeriod Current(Participation p) => Periods(p)[^1];

    /// <summary>The phase <paramref name="p"/> is in on <paramref name="day"/>; null before the entry or after the exit.</summary>
    public static UbPhase? On(Participation p, DateOnly day) =>
        p.IsActiveOn(day) ? Periods(p).Last(s => s.From <= day).Phase : null;

    /// <summary>Whether the Einstiegsphase of <paramref name="p"/> lasted (or, running, lasts by <paramref name="today"/>) more than 8 weeks.</summary>
    public static bool EinstiegTooLong(Participation p, DateOnly today)
    {
        var first = Periods(p)[0];
        if (first.Phase != UbPhase.Einstieg) return false;
        var last = first.Until ?? today;
        return last.DayNumber - first.From.DayNumber + 1 > EinstiegWeeks * 7;
    }

    /// <summary>Forward E → Q → S, back S → Q; never back to the Einstiegsphase, never S without Q first, never the same phase again.</summary>
    public static string? CheckTransition(Participation p, UbPhase to)
    {
        var current = Current(p);
        if (to == UbPhase.Einstieg)
            return "Eine Rückkehr in die Einstiegsphase gibt es nicht: nach einem Betriebswechsel bleibt die Person in der Qualifizierungsphase.";
        if (current.Phase == to)
            return Format($"{p.CustomerRef} ist seit dem {current.From:dd.MM.yyyy} bereits in der {to.German()}.");
        if (current.Phase == UbPhase.Einstieg && to == UbPhase.Stabilisierung)
            return "Die Stabilisierungsphase folgt auf die Qualifizierungsphase: bitte zuerst den Wechsel in die Qualifizierungsphase erfassen.";
        return null;
    }

    /// <summary>
    /// The change's first day: after the current phase began (each phase lasts at least a day; the history stays in order), not
    /// after the exit, and not ahead — a change is recorded when it happened, on that day or later (like an entry).
    /// </summary>
    public static string? CheckDay(Participation p, DateOnly from, DateOnly today)
    {
        var current = Current(p);
        if (from < p.Entry)
            return Format($"Der Phasenwechsel am {from:dd.MM.yyyy} liegt vor dem Eintritt am {p.Entry:dd.MM.yyyy}.");
        if (from <= current.From)
            return Format($"Der Phasenwechsel muss nach dem Beginn der {current.Phase.German()} am {current.From:dd.MM.yyyy} liegen.");
        if (p.Exit is { } exit && from > exit)
            return Format($"Der Phasenwechsel am {from:dd.MM.yyyy} liegt nach dem Austritt am {exit:dd.MM.yyyy}.");
        if (from > today)
            return Format($"Der Phasenwechsel am {from:dd.MM.yyyy} liegt in der Zukunft. Er wird am Tag des Wechsels oder danach erfasst.");
        return null;
    }

    /// <summary><paramref name="p"/> with the change appended (call <see cref="CheckTransition"/> and <see cref="CheckDay"/> first).</summary>
    public static Participation With(Participation p, UbPhase to, DateOnly from) =>
        p with { Phases = [.. p.Phases ?? [], new UbPhaseChange(to, from)] };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
