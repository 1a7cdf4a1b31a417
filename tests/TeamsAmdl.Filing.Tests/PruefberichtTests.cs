using DocumentFormat.OpenXml.Packaging;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Filing.Tests;

/// <summary>The Prüfbericht of a Vor-Ort-Besuch (R-QA-2): German DOCX, its facts and Mängel, filed under Vor-Ort-Besuche/Prüfberichte.</summary>
public sealed class PruefberichtTests
{
    private static PruefberichtInput Sample(params PruefberichtMangel[] maengel) => new(
        "962-E-2026-0101", "Aktivcenter Jugend", "Bildungswerk Rheinaue gGmbH", new DateOnly(2026, 10, 1),
        "Regelprüfung (3 Monate nach Beginn)", "3 = Maßnahmeprüfung", ["Julia Weber", "Katrin Fischer"],
        "Anwesenheit wird nur wöchentlich nachgetragen.", maengel, "Julia Weber", "962-E-2026-0101 regular-3");

    private static string Text(RenderedDocument doc)
    {
        using var stream = new MemoryStream(doc.Content.ToArray());
        using var word = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void Pruefbericht_lists_the_facts_and_the_Maengel_and_is_filed_under_Vor_Ort_Besuche()
    {
        var doc = new PruefberichtRenderer(JobcenterInfo.Musterstadt).Render(Sample(
            new PruefberichtMangel("Anwesenheitslisten nicht tagesaktuell", false), new PruefberichtMangel("Kein Sozialpädagoge vor Ort", true)));
        var text = Text(doc);
        Assert.StartsWith("Prüfbericht Vor-Ort-Besuch 962-E-2026-0101 am 01.10.2026", text);
        foreach (var expected in new[] { "Bildungswerk Rheinaue gGmbH", "3 = Maßnahmeprüfung", "Julia Weber, Katrin Fischer",
                     "Anwesenheit wird nur wöchentlich nachgetragen.", "Anwesenheitslisten nicht tagesaktuell", "Kein Sozialpädagoge vor Ort" })
            Assert.Contains(expected, text);
        Assert.Equal(RenderedDocument.DocxType, doc.ContentType);
        Assert.Equal("Bildungswerk Rheinaue gGmbH/962-E-2026-0101/Vor-Ort-Besuche und Prüfberichte/2026-10-01_Prüfbericht Vor-Ort-Besuch 962-E-2026-0101 regular-3.docx",
            doc.Target.Path().FullPath);
        Assert.Equal(doc.Content.ToArray(), new PruefberichtRenderer(JobcenterInfo.Musterstadt).Render(Sample(
            new PruefberichtMangel("Anwesenheitslisten nicht tagesaktuell", false), new PruefberichtMangel("Kein Sozialpädagoge vor Ort", true))).Content.ToArray());
    }

    [Fact]
    public void Without_Maengel_the_report_says_so() =>
        Assert.Contains("Es wurden keine Mängel festgestellt.", Text(new PruefberichtRenderer(JobcenterInfo.Musterstadt).Render(Sample())));
}
