using TeamsAmdl.Filing.Documents.Pdf;

namespace TeamsAmdl.Filing.Documents;

/// <summary>Occupancy of one day of the month.</summary>
public sealed record AuslastungsTag(DateOnly Datum, int Belegt, int Reserviert);

/// <summary>The month-end utilisation of one measure (R-CAP), as the month-end timer will compute it.</summary>
/// <param name="Einheit">What the capacity counts, e.g. "Plätze".</param>
/// <param name="Mindestplatzzahl">For UB/InbeQ: days below it are flagged.</param>
public sealed record AuslastungsberichtInput(
    string Massnahmenummer,
    string MassnahmeTitel,
    string Traeger,
    string Massnahmeart,
    int Jahr,
    int Monat,
    string Einheit,
    int Kapazitaet,
    int? Mindestplatzzahl,
    IReadOnlyList<AuslastungsTag> Tage,
    int Eintritte,
    int Austritte,
    string? Hinweis,
    DateOnly Erstellt);

/// <summary>Monthly utilisation report as a PDF/A record: summary and one row per day. Filed under "Auslastung".</summary>
public sealed class AuslastungsberichtRenderer(JobcenterInfo jobcenter)
{
    public RenderedDocument Render(AuslastungsberichtInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Monat is < 1 or > 12)
            throw new ArgumentException($"Monat {input.Monat} gibt es nicht.", nameof(input));
        if (input.Tage is null || input.Tage.Count == 0)
            throw new ArgumentException("Der Auslastungsbericht enthält keine Tage.", nameof(input));
        if (input.Kapazitaet <= 0)
            throw new ArgumentException("Die Kapazität muss größer als 0 sein.", nameof(input));

        var month = $"{German.Month(input.Monat)} {input.Jahr}";
        var title = $"Auslastungsbericht {month}";
        var average = input.Tage.Average(t => t.Belegt);
        var min = input.Tage.MinBy(t => t.Belegt)!;
        var max = input.Tage.MaxBy(t => t.Belegt)!;
        var doc = RecordPdf.Start(jobcenter, title, input.Erstellt);
        doc.Fields(
        [
            ("Maßnahmenummer", input.Massnahmenummer),
            ("Maßnahme", input.MassnahmeTitel),
            ("Maßnahmeart", input.Massnahmeart),
            ("Träger", input.Traeger),
            ("Berichtsmonat", month),
            ("Kapazität", $"{input.Kapazitaet} {input.Einheit}"),
        ]);
        doc.Heading("Zusammenfassung");
        var summary = new List<(string, string)>
        {
            ("Durchschnittlich belegt", $"{German.Number(average)} {input.Einheit} ({German.Percent(average / input.Kapazitaet)})"),
            ("Niedrigste Belegung", $"{min.Belegt} am {German.Date(min.Datum)}"),
            ("Höchste Belegung", $"{max.Belegt} am {German.Date(max.Datum)}"),
            ("Eintritte / Austritte", $"{input.Eintritte} / {input.Austritte}"),
        };
        if (input.Mindestplatzzahl is { } minimum)
            summary.Add(("Tage unter Mindestplatzzahl", $"{input.Tage.Count(t => t.Belegt < minimum)} (Mindestplatzzahl {minimum})"));
        doc.Fields(summary);
        if (!string.IsNullOrWhiteSpace(input.Hinweis))
            doc.Paragraph(input.Hinweis);

        doc.Heading("Belegung je Tag");
        doc.Table([new("Datum", 86), new("Wochentag", 96), new("Belegt", 75, true), new("Reserviert", 81, true), new("Frei", 70, true), new("Auslastung", 91, true)],
            input.Tage.OrderBy(t => t.Datum).Select(t =>
            {
                var fill = input.Mindestplatzzahl is { } m && t.Belegt < m ? PdfFill.Attention : PdfFill.None;
                return (IReadOnlyList<PdfCell>)
                [
                    new(German.Date(t.Datum), Fill: fill),
                    new(German.Culture.DateTimeFormat.GetDayName(t.Datum.DayOfWeek), Fill: fill),
                    new(t.Belegt.ToString(German.Culture), Fill: fill),
                    new(t.Reserviert.ToString(German.Culture), Fill: fill),
                    new(Math.Max(0, input.Kapazitaet - t.Belegt - t.Reserviert).ToString(German.Culture), Fill: fill),
                    new(German.Percent((double)t.Belegt / input.Kapazitaet), Fill: fill),
                ];
            }));
        var content = RecordPdf.Finish(doc, jobcenter, title, $"Maßnahme {input.Massnahmenummer}", input.Erstellt);
        return new RenderedDocument(content, PdfLayout.ContentType, new FilingTarget(
            input.Traeger, input.Massnahmenummer, FilingCategory.Auslastung, "Auslastungsbericht", input.Erstellt,
            $"Auslastung {input.Jahr}-{input.Monat:00}", "pdf"));
    }
}
