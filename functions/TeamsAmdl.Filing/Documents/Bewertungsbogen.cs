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

/// <summary>Bewertungsbogen as a read-only DOCX record. Filed under "Bewertungsbögen TM".</summary>
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
        var doc = new DocxLayout(jobcenter, title, input.Bewertungsdatum).Title(title);
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
            doc.Table(["Nr.", "Kriterium", "Bewertung", "Auffällig"], [600, 4900, 2600, 1200],
                area.Select((p, i) => (IReadOnlyList<string>)[(i + 1).ToString(German.Culture), p.Frage, p.Antwort, p.Auffaellig ? "ja" : "nein"]),
                highlight: row => row[3] == "ja");
        }
        if (input.Auffaellig)
        {
            doc.Heading("Begründung").Paragraph(input.Begruendung!);
            doc.Heading("Handlungsempfehlung").Paragraph(input.Empfehlung!);
        }
        if (!string.IsNullOrWhiteSpace(input.Anmerkungen))
            doc.Heading("Anmerkungen").Paragraph(input.Anmerkungen);
        var bytes = doc.Build($"Maßnahme {input.Massnahmenummer}", readOnly: true);
        return new RenderedDocument(BinaryData.FromBytes(bytes), RenderedDocument.DocxType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.BewertungsboegenTm, "Bewertungsbogen", input.Bewertungsdatum,
            $"Bewertungsbogen {input.Bogen} {input.Zeitraum}", "docx"));
    }
}
