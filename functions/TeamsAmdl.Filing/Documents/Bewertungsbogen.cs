using TeamsAmdl.Filing.Documents.Pdf;

namespace TeamsAmdl.Filing.Documents;

/// <summary>One answered question of a rating sheet.</summary>
/// <param name="Bereich">e.g. "Hard Facts", "Soft Facts".</param>
public sealed record BewertungsPunkt(string Bereich, string Frage, string Antwort, bool Auffaellig = false);

/// <summary>A completed Träger rating (Lieferantenbewertung, Hard/Soft Facts) as the rating feature will hand it over.</summary>
/// <param name="Bogen">Name of the questionnaire, e.g. "Lieferantenbewertung".</param>
/// <param name="Zeitraum">The period rated, e.g. "3. Quartal 2026".</param>
/// <param name="Auffaellig">Overall result "auffällig": needs <paramref name="Begruendung"/> and <paramref name="Empfehlung"/>.</param>
public sealed record BewertungsbogenInput(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    string Bogen,
    string Zeitraum,
    string Bewerter,
    DateOnly Bewertungsdatum,
    IReadOnlyList<BewertungsPunkt> Punkte,
    bool Auffaellig,
    string? Begruendung = null,
    string? Empfehlung = null,
    string? Anmerkungen = null);

/// <summary>Bewertungsbogen as a PDF/A record. Filed under "Bewertungsbögen TM".</summary>
public sealed class BewertungsbogenRenderer(JobcenterInfo jobcenter)
{
    public RenderedDocument Render(BewertungsbogenInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Punkte is null || input.Punkte.Count == 0)
            throw new ArgumentException("Der Bewertungsbogen enthält keine Antworten.", nameof(input));
        if (input.Auffaellig && (string.IsNullOrWhiteSpace(input.Begruendung) || string.IsNullOrWhiteSpace(input.Empfehlung)))
            throw new ArgumentException("Ein auffälliger Bewertungsbogen braucht eine Begründung und eine Handlungsempfehlung.", nameof(input));

        var title = $"Bewertungsbogen {input.Bogen} – {input.Zeitraum}";
        var doc = RecordPdf.Start(jobcenter, title, input.Bewertungsdatum);
        doc.Fields(
        [
            ("Maßnahmenummer", input.Massnahmenummer),
            ("Maßnahme", input.MassnahmeTitel),
            ("Träger", input.Traeger),
            ("Bewertungszeitraum", input.Zeitraum),
            ("Bewertet von", input.Bewerter),
            ("Bewertet am", German.Date(input.Bewertungsdatum)),
            ("Gesamtergebnis", input.Auffaellig ? "auffällig" : "unauffällig"),
        ]);
        foreach (var area in input.Punkte.GroupBy(p => p.Bereich))
        {
            doc.Heading(area.Key);
            doc.Table([new("Nr.", 32), new("Kriterium", 263), new("Bewertung", 140), new("Auffällig", 64)],
                area.Select((p, i) =>
                {
                    var fill = p.Auffaellig ? PdfFill.Attention : PdfFill.None;
                    return (IReadOnlyList<PdfCell>)[new((i + 1).ToString(German.Culture), Fill: fill), new(p.Frage, Fill: fill),
                        new(p.Antwort, Fill: fill), new(p.Auffaellig ? "ja" : "nein", Fill: fill)];
                }));
        }
        if (input.Auffaellig)
        {
            doc.Heading("Begründung").Paragraph(input.Begruendung!);
            doc.Heading("Handlungsempfehlung").Paragraph(input.Empfehlung!);
        }
        if (!string.IsNullOrWhiteSpace(input.Anmerkungen))
            doc.Heading("Anmerkungen").Paragraph(input.Anmerkungen);
        var content = RecordPdf.Finish(doc, jobcenter, title, $"Maßnahme {input.Massnahmenummer}", input.Bewertungsdatum);
        return new RenderedDocument(content, PdfLayout.ContentType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.BewertungsboegenTm, "Bewertungsbogen", input.Bewertungsdatum,
            $"Bewertungsbogen {input.Bogen} {input.Zeitraum}", "pdf"));
    }
}
