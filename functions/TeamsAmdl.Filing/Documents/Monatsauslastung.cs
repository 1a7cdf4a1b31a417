namespace TeamsAmdl.Filing.Documents;

/// <summary>One measure's month-end utilisation (R-QA-5), as display-ready values; the caller computes them.</summary>
/// <param name="TmVerbraucht">DIA-AM only: TM used up to the Stichtag; null for other kinds (also the other two TM values).</param>
/// <param name="BezahltAberLeer">UB/InbeQ in its first 12 months: places paid for but empty (0 otherwise).</param>
public sealed record MonatsauslastungZeile(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    string Massnahmeart,
    string Team,
    int Plaetze,
    int Belegt,
    decimal? TmVerbraucht = null,
    decimal? TmGeplant = null,
    decimal? TmVereinbart = null,
    int? Mindestplatzzahl = null,
    int BezahltAberLeer = 0)
{
    public decimal Quote => Plaetze == 0 ? 0 : Math.Round((decimal)Belegt / Plaetze, 4);

    public decimal? TmQuote => TmVerbraucht is { } v && TmGeplant is { } g && g > 0 ? Math.Round(v / g, 4) : null;
}

/// <summary>
/// Input of the month-end Auslastungsbericht (XLSX table + DOCX text). Filed under "Auslastung" in the folder of
/// <paramref name="AblageTraeger"/>/<paramref name="AblageMassnahme"/> (the e-Akte is organised per measure).
/// </summary>
/// <param name="Stichtag">The last working day of the month: occupancy is counted on it and it is the document date.</param>
/// <param name="AusstehendeMeldungen">Träger reports overdue on the Stichtag (R-TN-4), e.g. "Anwesenheitszeiten Oktober 2026
/// (fällig 09.11.2026)"; null or empty: no section (the DOCX only).</param>
public sealed record MonatsauslastungInput(
    int Jahr,
    int Monat,
    DateOnly Stichtag,
    IReadOnlyList<MonatsauslastungZeile> Zeilen,
    string AblageTraeger,
    string AblageMassnahme,
    IReadOnlyList<string>? AusstehendeMeldungen = null)
{
    public string Titel => $"Auslastungsbericht {German.Month(Monat)} {Jahr}";

    /// <summary>Seed 000 §7, said on every report: low utilisation is not the Betreuer's doing.</summary>
    public const string NeutralerHinweis =
        "Die Auslastung hängt von Bedarf, Zuweisungen und Angebot ab. Eine niedrige Auslastung ist kein Versäumnis der " +
        "Maßnahmebetreuung; der Bericht ist Grundlage der Risikobewertung im internen Kontrollsystem.";
}
