using System.Text;

namespace TeamsAmdl.Domain.Digest;

/// <summary>A rejected value of a weekly input: the field (English identifier) and a German message for people.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of <see cref="WeeklyInputRules.Apply"/>: the figures to store, or the errors.</summary>
public sealed record WeeklyInputDecision(WeeklyFigures? Figures, string? Remarks, bool Corrected, IReadOnlyList<FieldError> Errors)
{
    public bool Accepted => Errors.Count == 0;
}

/// <summary>
/// R-INFO-1: a Betreuer confirms or corrects the pre-filled figures; the coordinator may edit them in the tab
/// (R-INFO-2). Corrections go through these rules, not free text:
/// <list type="bullet">
/// <item>occupancy is a whole number from 0 to the places of the measure (a place is never given twice, R-CAP-2);</item>
/// <item>free places are never entered: they follow from places − occupancy − confirmed reservations, are capped by
/// a DIA-AM TM contingent like the system's, and are 0 while intake is closed;</item>
/// <item>the next entry date must be a measure day (R-CAP-5) from today, not before the start and not after the last
/// possible entry (UB: end of month 12, R-CAP-3); DIA-AM only on its 14-day entry dates (R-CAP-4); none while
/// intake is closed;</item>
/// <item>remarks are trimmed, control characters removed, at most <see cref="MaxRemarksLength"/> characters (this
/// also keeps one digest row small enough for a Teams message) and free of personal data (R-SEC-1,
/// <see cref="PersonalDataGuard"/>): they are published to every IFK and filed in the e-Akte.</item>
/// </list>
/// </summary>
public static class WeeklyInputRules
{
    public const int MaxRemarksLength = 500;

    public const string OccupiedField = "occupied";
    public const string NextEntryField = "nextEntryDate";
    public const string RemarksField = "remarks";

    /// <summary>Checks a reported occupancy, entry date and remarks against the measure and the system's figures.</summary>
    public static WeeklyInputDecision Apply(Measure m, WeeklyFigures system, int? occupied, DateOnly? nextEntry, string? remarks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(system);
        var errors = new List<FieldError>();
        var places = m.Capacity.Places;

        if (occupied is null)
            errors.Add(new FieldError(OccupiedField, "Bitte die Zahl der belegten Plätze angeben."));
        else if (occupied < 0)
            errors.Add(new FieldError(OccupiedField, "Die Zahl der belegten Plätze darf nicht negativ sein."));
        else if (occupied > places)
            errors.Add(new FieldError(OccupiedField,
                $"{occupied} belegte Plätze sind mehr als die {places} Plätze der Maßnahme; ein Platz kann nicht doppelt vergeben werden."));

        if (nextEntry is { } d)
        {
            var deadline = IntakeWindow.Deadline(m);
            if (!system.IntakeOpen || today > deadline)
                errors.Add(new FieldError(NextEntryField,
                    $"Ein Einstieg ist nicht mehr möglich (letzter Einstieg am {deadline:dd.MM.yyyy}); bitte keinen Einstiegstermin angeben."));
            else if (d < today)
                errors.Add(new FieldError(NextEntryField, $"Der Einstiegstermin {d:dd.MM.yyyy} liegt in der Vergangenheit."));
            else if (d < m.Start)
                errors.Add(new FieldError(NextEntryField, $"Der Einstiegstermin {d:dd.MM.yyyy} liegt vor dem Maßnahmebeginn am {m.Start:dd.MM.yyyy}."));
            else if (d > deadline)
                errors.Add(new FieldError(NextEntryField,
                    $"Der Einstiegstermin {d:dd.MM.yyyy} liegt nach dem letzten möglichen Einstieg am {deadline:dd.MM.yyyy}."));
            else if (!MeasureDays.IsMeasureDay(d))
                errors.Add(new FieldError(NextEntryField, "Der 24.12. und der 31.12. sind keine Maßnahmetage."));
            else if (m.EntryModel == EntryModel.Stichtage14Tage && !DiaAmEntryDates.IsEntryDate(m, d))
            {
                var next = DiaAmEntryDates.NextOnOrAfter(m, d);
                errors.Add(new FieldError(NextEntryField, next is { } n
                    ? $"Bei DIA-AM ist ein Einstieg nur an den 14-tägigen Einstiegsterminen möglich; der nächste nach dem {d:dd.MM.yyyy} ist der {n:dd.MM.yyyy}."
                    : "Bei DIA-AM ist ein Einstieg nur an den 14-tägigen Einstiegsterminen möglich; danach gibt es keinen mehr."));
            }
        }

        var cleaned = CleanRemarks(remarks);
        if (cleaned is { Length: > MaxRemarksLength })
            errors.Add(new FieldError(RemarksField,
                $"Die Bemerkung ist {cleaned.Length} Zeichen lang; höchstens {MaxRemarksLength} Zeichen sind möglich."));
        else if (PersonalDataGuard.Refusal("Bemerkung", cleaned, today) is { } personal)
            errors.Add(new FieldError(RemarksField, personal));

        if (errors.Count > 0) return new WeeklyInputDecision(null, cleaned, false, errors);

        var occ = occupied!.Value;
        var free = 0;
        if (system.IntakeOpen)
        {
            // The TM contingent caps like the system's (it is counted in days, not heads, so occupancy does not move it).
            free = new PlaceCounts(places, occ, system.Reserved, system.ContingentStays).Free;
        }
        var figures = new WeeklyFigures(places, occ, system.Reserved, free, system.IntakeOpen ? nextEntry : null, system.IntakeOpen,
            system.ContingentStays);
        var corrected = !figures.SameReportAs(system);
        return new WeeklyInputDecision(figures, cleaned, corrected, []);
    }

    /// <summary>Trims, drops control characters except line breaks, normalises line breaks; empty → null.</summary>
    public static string? CleanRemarks(string? remarks)
    {
        if (string.IsNullOrWhiteSpace(remarks)) return null;
        var sb = new StringBuilder(remarks.Length);
        foreach (var c in remarks.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            if (c == '\n' || !char.IsControl(c)) sb.Append(c);
        }
        var text = sb.ToString().Trim();
        return text.Length == 0 ? null : text;
    }
}
