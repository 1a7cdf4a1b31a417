using System.Globalization;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Filing.Documents.Pdf;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// The published digest as a PDF/A for the e-Akte (R-INFO-2, R-DOC), written with the shared
/// <see cref="PdfLayout"/>: A4 landscape, Liberation Sans embedded, the same groups and rows as the Teams digest,
/// never shortened: long titles and remarks wrap, tables continue on the next page with their heading
/// ("(Fortsetzung)") and header row repeated, every page says "Seite x von y".
/// </summary>
public static class DigestPdf
{
    public const string ContentType = PdfLayout.ContentType;

    private static readonly PdfColumn[] Columns =
    [
        new("Maßnahme", 236), new("Träger / Ort", 168), new("Belegt", 48, true), new("Frei", 40, true), new("Nächster Einstieg", 82), new("Bemerkung", 187),
    ];

    public static byte[] Render(DigestSnapshot s, string jobcenterName, int soonDays = DigestRules.DefaultSoonDays)
    {
        ArgumentNullException.ThrowIfNull(s);
        var week = s.WeekKey;
        var title = $"Maßnahmeinfo {week.Label}";
        var publishedAt = TimeZoneInfo.ConvertTime(s.PublishedAt, BerlinCalendar.Zone);
        var doc = new PdfLayout(jobcenterName, title, null, $"{jobcenterName} · {title}", landscape: true).Title(title);
        doc.Paragraph($"Woche vom {D(week.Monday)} bis {D(week.Sunday)} · veröffentlicht von {s.PublishedByName} am {publishedAt:dd.MM.yyyy}, {publishedAt:HH:mm} Uhr",
            spacingAfter: 2);
        var t = DigestTotals.Of(s.Entries, s.Today, soonDays);
        doc.Paragraph($"{t.Measures} Maßnahmen · {t.FreePlaces} freie Plätze in {t.MeasuresWithFreePlaces} Maßnahmen · " +
                      $"{t.EntriesSoon} Einstiegstermine in den nächsten {soonDays} Tagen" +
                      (t.Missing > 0 ? $" · {t.Missing} ohne Wochenmeldung (Systemwerte)" : ""), spacingAfter: 10);
        if (s.Entries.Count == 0)
            doc.Paragraph("In dieser Woche läuft keine Maßnahme.");

        foreach (var g in DigestRules.Group(s.Entries))
        {
            var heading = $"{g.TeamName} · {g.Kind.German()}";
            doc.Heading(heading, size: 11, keepWith: 72); // the heading stays with the table header and a two-line row
            doc.Table(Columns, g.Entries.Select(e => (IReadOnlyList<PdfCell>)
            [
                new(e.Title + "\n" + e.Number + (e.State == DigestInputState.Missing ? " · Systemwerte, keine Wochenmeldung" : "")),
                new(e.Traeger + "\n" + e.Location),
                new($"{e.Occupied}/{e.Capacity}"),
                new(e.FreePlaces.ToString(CultureInfo.InvariantCulture), Bold: e.FreePlaces > 0, Fill: e.FreePlaces > 0 ? PdfFill.Positive : PdfFill.None),
                new(e.NextEntryDate is { } d ? D(d) : "–", Bold: DigestRules.IsSoon(e.NextEntryDate, s.Today, soonDays)),
                new(string.IsNullOrWhiteSpace(e.Remarks) ? "–" : e.Remarks),
            ]), continuation: heading);
        }
        return doc.Build(new PdfInfo(title, jobcenterName, $"Wöchentliche Maßnahmeinfo {week.Label}", s.PublishedAt));
    }

    private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
