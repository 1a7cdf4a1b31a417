using System.Globalization;

namespace TeamsAmdl.Domain.Deadlines;

/// <summary>
/// R-TN-3, LAP Kontaktdichte: at least <see cref="MinimumPersonal"/> personal contacts per participant and month, during
/// the participation and in the Nachbetreuung after a regular end. The Nachbetreuung lasts at most
/// <see cref="NachbetreuungMonths"/> months, and time already spent in the predecessor project counts: it ends 7 months
/// after the Nachbetreuung began, wherever it began. Phone, e-mail, holiday and sickness are recorded but never count.
/// </summary>
public static class ContactDensity
{
    public const int MinimumPersonal = 2;
    public const int NachbetreuungMonths = 7;

    public static bool Counts(ContactKind kind) => kind == ContactKind.Persoenlich;

    public static bool BelowMinimum(int personalContacts) => personalContacts < MinimumPersonal;

    /// <summary>The last day of the Nachbetreuung that began on <paramref name="since"/> (in this project or its predecessor).</summary>
    public static DateOnly NachbetreuungEnd(DateOnly since) => DeadlineRules.PeriodEnd(since, NachbetreuungMonths);

    /// <summary>
    /// The last day contacts are owed for <paramref name="p"/>: the last day of its Nachbetreuung after a regular end (from the
    /// day after the exit, or from <paramref name="nachbetreuungSince"/> / <see cref="Participation.NachbetreuungSince"/> when it began in
    /// the predecessor project), its exit
    /// otherwise, null while it runs.
    /// </summary>
    public static DateOnly? OwedUntil(Participation p, DateOnly? nachbetreuungSince = null)
    {
        if ((nachbetreuungSince ?? p.NachbetreuungSince) is { } since) return NachbetreuungEnd(since);
        if (p.Exit is not { } exit) return null;
        return p.ExitReason == ExitReason.RegulaeresEnde ? NachbetreuungEnd(exit.AddDays(1)) : exit;
    }

    /// <summary>Whether contacts are owed in the month starting <paramref name="month"/> (any day of it in the participation or Nachbetreuung).</summary>
    public static bool Owed(Participation p, DateOnly month, DateOnly? nachbetreuungSince = null)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var until = OwedUntil(p, nachbetreuungSince);
        return p.Entry <= last && (until is null || until.Value >= first);
    }

    /// <summary>"11.2026": the month as the Träger's report names it.</summary>
    public static string MonthLabel(DateOnly month) => month.ToString("MM.yyyy", CultureInfo.InvariantCulture);
}
