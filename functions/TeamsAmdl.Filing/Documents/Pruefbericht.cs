namespace TeamsAmdl.Filing.Documents;

/// <summary>One Mangel as the Prüfbericht lists it.</summary>
public sealed record PruefberichtMangel(string Beschreibung, bool Schwerwiegend);

/// <summary>The facts of an on-site inspection (R-QA-2) for its Prüfbericht.</summary>
/// <param name="Art">"Regelprüfung (3 Monate nach Beginn)" or "Angekündigte Prüfung (anlassbezogen)".</param>
/// <param name="Kontaktart">COSACH contact type as text, e.g. "3 = Maßnahmeprüfung".</param>
public sealed record PruefberichtInput(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    DateOnly Pruefdatum,
    string Art,
    string Kontaktart,
    IReadOnlyList<string> Teilnehmende,
    string Feststellungen,
    IReadOnlyList<PruefberichtMangel> Maengel,
    string ErfasstVon,
    string Vorgang);

/// <summary>
/// Prüfbericht of a Vor-Ort-Besuch as DOCX (German): measure, Träger, date, kind, COSACH contact type, attendees,
/// findings and the table of Mängel found. Filed under "Vor-Ort-Besuche/Prüfberichte". Deterministic: same input, same bytes.
/// </summary>
public sealed class PruefberichtRenderer(JobcenterInfo jobcenter)
{
    public RenderedDocument Render(PruefberichtInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = $"Prüfbericht Vor-Ort-Besuch {input.Massnahmenummer} am {German.Date(input.Pruefdatum)}";
        var doc = new DocxLayout(jobcenter, subject, input.Pruefdatum);
        doc.Paragraph(subject, bold: true, size: 28, spacingAfter: 240);
        doc.Table(["Angabe", "Wert"], [2800, 6500],
        [
            ["Maßnahme", $"{input.Massnahmenummer} „{input.MassnahmeTitel}“"],
            ["Träger", input.Traeger],
            ["Prüfdatum", German.Date(input.Pruefdatum)],
            ["Art der Prüfung", input.Art],
            ["COSACH-Kontaktart", input.Kontaktart],
            ["Teilnehmende (Jobcenter)", input.Teilnehmende.Count == 0 ? "–" : string.Join(", ", input.Teilnehmende)],
            ["Erfasst von", input.ErfasstVon],
            ["Vorgang", input.Vorgang],
        ]);
        doc.Paragraph("Feststellungen", bold: true, spacingAfter: 120);
        doc.Paragraph(string.IsNullOrWhiteSpace(input.Feststellungen) ? "Keine besonderen Feststellungen." : input.Feststellungen);
        doc.Paragraph("Festgestellte Mängel", bold: true, spacingAfter: 120);
        if (input.Maengel.Count == 0)
            doc.Paragraph("Es wurden keine Mängel festgestellt.");
        else
            doc.Table(["Nr.", "Mangel", "Schwerwiegend"], [600, 7000, 1700],
                input.Maengel.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(German.Culture), m.Beschreibung, m.Schwerwiegend ? "ja" : "nein"]),
                highlight: row => row[2] == "ja");
        doc.Paragraph("Das weitere Verfahren bei Mängeln richtet sich nach den Deeskalationsstufen (Mängelschreiben mit Frist, bei " +
                      "Fristversäumnis oder schwerwiegenden Mängeln Unterrichtung des REZ).", size: 18);
        var bytes = doc.Build("Prüfbericht");
        return new RenderedDocument(BinaryData.FromBytes(bytes), RenderedDocument.DocxType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.VorOrtBesuchePruefberichte, "Prüfbericht", input.Pruefdatum,
            $"Prüfbericht Vor-Ort-Besuch {input.Vorgang}", "docx"));
    }
}
