using TeamsAmdl.Filing.Documents.Pdf;

namespace TeamsAmdl.Filing.Documents;

/// <summary>One section of the weekly Maßnahmeinfo (e.g. "Aus der Betreuung", "Termine"), as bullet points.</summary>
public sealed record MassnahmeinfoAbschnitt(string Ueberschrift, IReadOnlyList<string> Punkte);

/// <summary>The weekly Maßnahmeinfo of one measure: occupancy plus the Betreuer's input collected by the coordinator.</summary>
public sealed record MassnahmeinfoInput(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    string Massnahmeart,
    int Jahr,
    int Kalenderwoche,
    DateOnly Von,
    DateOnly Bis,
    string Koordinator,
    string Betreuer,
    int Kapazitaet,
    int Belegt,
    int Reserviert,
    IReadOnlyList<MassnahmeinfoAbschnitt> Abschnitte,
    DateOnly Erstellt);

/// <summary>Maßnahmeinfo of one measure as a PDF/A record. Filed under "Maßnahmeinfo".</summary>
public sealed class MassnahmeinfoRenderer(JobcenterInfo jobcenter)
{
    public RenderedDocument Render(MassnahmeinfoInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Kalenderwoche is < 1 or > 53)
            throw new ArgumentException($"Kalenderwoche {input.Kalenderwoche} gibt es nicht.", nameof(input));
        var week = $"KW {input.Kalenderwoche:00}/{input.Jahr}";
        var title = $"Maßnahmeinfo {week}";
        var frei = Math.Max(0, input.Kapazitaet - input.Belegt - input.Reserviert);
        var doc = RecordPdf.Start(jobcenter, title, input.Erstellt);
        doc.Fields(
        [
            ("Maßnahmenummer", input.Massnahmenummer),
            ("Maßnahme", input.MassnahmeTitel),
            ("Maßnahmeart", input.Massnahmeart),
            ("Träger", input.Traeger),
            ("Berichtswoche", $"{week} ({German.Date(input.Von)} – {German.Date(input.Bis)})"),
            ("Koordination", input.Koordinator),
            ("Betreuung", input.Betreuer),
        ]);
        doc.Heading("Belegung");
        doc.Table([new("Kapazität", 100, true), new("Belegt", 100, true), new("Reserviert", 100, true), new("Frei", 100, true), new("Auslastung", 99, true)],
            [[N(input.Kapazitaet), N(input.Belegt), N(input.Reserviert), N(frei), input.Kapazitaet == 0 ? "–" : German.Percent((double)input.Belegt / input.Kapazitaet)]]);
        foreach (var section in input.Abschnitte)
        {
            doc.Heading(section.Ueberschrift);
            if (section.Punkte.Count == 0) doc.Paragraph("Keine Meldungen.");
            else doc.Bullets(section.Punkte);
        }
        var content = RecordPdf.Finish(doc, jobcenter, title, $"Maßnahme {input.Massnahmenummer}", input.Erstellt);
        return new RenderedDocument(content, PdfLayout.ContentType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.Massnahmeinfo, "Maßnahmeinfo", input.Erstellt,
            $"Maßnahmeinfo KW {input.Kalenderwoche:00} {input.Jahr}", "pdf"));
    }

    private static PdfCell N(int n) => n.ToString(German.Culture);
}
