using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Filing.Tests.Support;
using TeamsAmdl.TestSupport;
using Xunit.Abstractions;

namespace TeamsAmdl.Filing.Tests;

/// <summary>
/// Golden tests of the generated documents. Records are PDF/A: their text as pdftotext reads it must equal
/// Golden/{name}.txt (whitespace collapsed); pages, embedded fonts and the PDF/A identification are checked with
/// poppler. The Mängelschreiben draft stays DOCX: its paragraphs (header, body, tables, footer; fields as {PAGE})
/// must equal the golden file, and LibreOffice prints it as Word would (page count, the filled-in "Seite X von Y").
/// UPDATE_GOLDEN=1 rewrites the golden files after an intended change. The first page of each lands in
/// artifacts/documents/{name}.png for review.
/// </summary>
public sealed class DocumentTests(ITestOutputHelper output)
{
    private static readonly JobcenterInfo Jobcenter = JobcenterInfo.Musterstadt;
    private static readonly string Artifacts = Chromium.ArtifactsDir("documents");

    [Fact]
    public void Bewertungsbogen_is_a_pdf_record_with_the_rating_and_its_justification()
    {
        var doc = new BewertungsbogenRenderer(Jobcenter).Render(DocumentSamples.Bewertungsbogen());
        var text = CheckPdf("bewertungsbogen", doc);
        Assert.Contains("Bewertungsbogen Lieferantenbewertung – 3. Quartal 2026", text);
        Assert.Contains("Gesamtergebnis auffällig", text);
        Assert.Contains("2 Anwesenheitslisten vollständig und fristgerecht übermittelt teilweise erfüllt (2 von 3 Monaten) ja", text);
        Assert.Contains("Handlungsempfehlung Mängelanzeige mit Frist zur Stellungnahme", text);
        Assert.Contains("Seite 1 von 1", text);
        Assert.Equal(new FilingTarget("Bildungswerk Nord gGmbH", "962-U-2026-0301", FilingCategory.BewertungsboegenTm, "Bewertungsbogen",
            DocumentSamples.Today, "Bewertungsbogen Lieferantenbewertung 3. Quartal 2026", "pdf"), doc.Target);
        Assert.Equal("Bildungswerk Nord gGmbH/962-U-2026-0301/Bewertungsbögen TM/2026-11-21_Bewertungsbogen Lieferantenbewertung 3. Quartal 2026.pdf",
            doc.Target.Path().FullPath);
    }

    [Fact]
    public void A_conspicuous_rating_without_justification_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BewertungsbogenRenderer(Jobcenter).Render(DocumentSamples.Bewertungsbogen() with { Empfehlung = " " }));
        Assert.StartsWith("Ein auffälliger Bewertungsbogen braucht eine Begründung und eine Handlungsempfehlung.", ex.Message);
    }

    [Fact]
    public void Massnahmeinfo_is_a_pdf_record_with_occupancy_and_the_weekly_input()
    {
        var doc = new MassnahmeinfoRenderer(Jobcenter).Render(DocumentSamples.Massnahmeinfo());
        var text = CheckPdf("massnahmeinfo", doc);
        Assert.Contains("Berichtswoche KW 47/2026 (16.11.2026 – 20.11.2026)", text);
        Assert.Contains("Kapazität Belegt Reserviert Frei Auslastung 20 16 2 2 80,0 %", text);
        Assert.Contains("• Ein Abbruch (Umzug), Platz ab 23.11.2026 frei.", text);
        Assert.Contains("Besonderheiten Keine Meldungen.", text);
        Assert.Equal(FilingCategory.Massnahmeinfo, doc.Target.Kategorie);
        Assert.Equal("2026-11-21_Maßnahmeinfo KW 47 2026.pdf", doc.Target.Path().FileName);
    }

    [Fact]
    public void Auslastungsbericht_runs_over_two_numbered_pages()
    {
        var doc = new AuslastungsberichtRenderer(Jobcenter).Render(DocumentSamples.Auslastungsbericht());
        var text = CheckPdf("auslastungsbericht", doc, expectedPages: 2);
        Assert.Contains("Berichtsmonat Oktober 2026", text);
        Assert.Contains("Tage unter Mindestplatzzahl", text);
        Assert.Contains("30.10.2026 Freitag", text);
        Assert.Contains("Seite 1 von 2", text);
        Assert.Contains("Seite 2 von 2", text);
        Assert.Contains("Datum Wochentag Belegt", text[text.IndexOf("Seite 1 von 2", StringComparison.Ordinal)..]); // header row repeated
        Assert.Equal("Lebenshilfe Musterstadt e.V/962-U-2026-0410/Auslastung/2026-11-02_Auslastung 2026-10.pdf", doc.Target.Path().FullPath);
    }

    [Fact]
    public async Task Maengelschreiben_is_an_editable_letter_draft()
    {
        var doc = new MaengelschreibenRenderer(Jobcenter).Render(DocumentSamples.Maengelschreiben());
        var (text, printed) = await CheckDocxAsync("maengelschreiben", doc);
        Assert.StartsWith("ENTWURF – Jobcenter Musterstadt 21.11.2026", text);
        Assert.Contains("Musterstadt, 21.11.2026", text);
        Assert.Contains("Mängelanzeige zur Maßnahme 962-U-2026-0301 „Berufliche Orientierung für Jugendliche“", text);
        Assert.Contains("3 Der Gruppenraum 2 war ohne Fluchtwegkennzeichnung. – –", text);
        Assert.Contains("bis zum 15.12.2026 schriftlich mitzuteilen", text);
        Assert.Contains("Sehr geehrte Damen und Herren,", printed);
        Assert.Equal("Bildungswerk Nord gGmbH/962-U-2026-0301/Schriftverkehr Mängel/2026-11-21_Mängelschreiben Entwurf.docx", doc.Target.Path().FullPath);
    }

    [Fact]
    public void Rendering_the_same_input_twice_gives_the_same_bytes_so_filing_stays_idempotent()
    {
        Assert.Equal(new BewertungsbogenRenderer(Jobcenter).Render(DocumentSamples.Bewertungsbogen()).Content.ToArray(),
            new BewertungsbogenRenderer(Jobcenter).Render(DocumentSamples.Bewertungsbogen()).Content.ToArray());
        Assert.Equal(new AuslastungsberichtRenderer(Jobcenter).Render(DocumentSamples.Auslastungsbericht()).Content.ToArray(),
            new AuslastungsberichtRenderer(Jobcenter).Render(DocumentSamples.Auslastungsbericht()).Content.ToArray());
        Assert.Equal(new MaengelschreibenRenderer(Jobcenter).Render(DocumentSamples.Maengelschreiben()).Content.ToArray(),
            new MaengelschreibenRenderer(Jobcenter).Render(DocumentSamples.Maengelschreiben()).Content.ToArray());
        Assert.Equal(new MassnahmeinfoRenderer(Jobcenter).Render(DocumentSamples.Massnahmeinfo()).Content.ToArray(),
            new MassnahmeinfoRenderer(Jobcenter).Render(DocumentSamples.Massnahmeinfo()).Content.ToArray());
        Assert.NotEqual(new MassnahmeinfoRenderer(Jobcenter).Render(DocumentSamples.Massnahmeinfo()).Content.ToArray(),
            new MassnahmeinfoRenderer(Jobcenter).Render(DocumentSamples.Massnahmeinfo() with { Belegt = 17 }).Content.ToArray());
    }

    /// <summary>PDF/A record: golden text, Jobcenter/address/page numbers, page count, embedded fonts, PDF/A identification, PNG.</summary>
    private string CheckPdf(string name, RenderedDocument doc, int expectedPages = 1)
    {
        Assert.Equal("application/pdf", doc.ContentType);
        Assert.Equal("pdf", doc.Target.Extension);
        var bytes = doc.Content.ToArray();
        File.WriteAllBytes(Path.Combine(Artifacts, name + ".pdf"), bytes);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));

        var raw = PdfTools.Text(bytes);
        CompareGolden(name, raw);
        var text = PdfTools.Normalize(raw);
        Assert.Contains("Jobcenter Musterstadt", text);
        Assert.Contains("Musterstraße 1, 12345 Musterstadt", text);
        Assert.Equal(expectedPages, PdfTools.Pages(bytes));
        Assert.Contains($"Seite {expectedPages} von {expectedPages}", text);

        // Archival: every font embedded (Liberation Sans subsets with a Unicode map), PDF/A-1b declared in the XMP metadata.
        var fonts = PdfTools.Fonts(bytes).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+Liberation Sans.*\byes\s+yes\s+yes\b", f));
        var meta = PdfTools.Metadata(bytes);
        Assert.Contains("<pdfaid:part>1</pdfaid:part>", meta);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", meta);

        var png = PdfTools.FirstPagePng(bytes, Path.Combine(Artifacts, name));
        Assert.True(new FileInfo(png).Length > 5_000);
        output.WriteLine($"{name}: {bytes.Length} bytes, {expectedPages} page(s); {png}");
        return text;
    }

    /// <summary>DOCX draft: golden text, editable (no protection), Jobcenter/date/page fields; LibreOffice print: pages, page numbers, PNG.</summary>
    private async Task<(string Text, string Printed)> CheckDocxAsync(string name, RenderedDocument doc, int expectedPages = 1)
    {
        Assert.Equal(RenderedDocument.DocxType, doc.ContentType);
        var bytes = doc.Content.ToArray();
        var file = Path.Combine(Artifacts, name + ".docx");
        await File.WriteAllBytesAsync(file, bytes);

        var raw = DocumentTools.DocxText(bytes);
        CompareGolden(name, raw);
        var text = PdfTools.Normalize(raw);
        Assert.Contains("Jobcenter Musterstadt", text);
        Assert.Contains("Musterstraße 1, 12345 Musterstadt", text);
        Assert.Contains("Seite {PAGE} von {NUMPAGES}", text);
        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Null(word.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<DocumentProtection>()); // a draft people edit
            Assert.Equal("de-DE", word.PackageProperties.Language);
        }

        var pdf = await DocumentTools.DocxToPdfAsync(file, Path.Combine(Path.GetTempPath(), "teamsamdl-docs-" + Guid.NewGuid().ToString("N")));
        var printedBytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal(expectedPages, PdfTools.Pages(printedBytes));
        var printed = PdfTools.Normalize(PdfTools.Text(printedBytes));
        Assert.Contains($"Seite 1 von {expectedPages}", printed);
        var png = PdfTools.FirstPagePng(printedBytes, Path.Combine(Artifacts, name));
        Assert.True(new FileInfo(png).Length > 5_000);
        output.WriteLine($"{name}: {bytes.Length} bytes, {expectedPages} page(s) printed; {png}");
        return (text, printed);
    }

    private void CompareGolden(string name, string actual)
    {
        var golden = Path.Combine(RepoRoot.Find(), "tests", "TeamsAmdl.Filing.Tests", "Golden", name + ".txt");
        var cleaned = string.Join('\n', actual.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(golden))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, cleaned);
            output.WriteLine("golden written: " + golden);
        }
        Assert.Equal(File.ReadAllText(golden).Split('\n').Select(PdfTools.Normalize).Where(l => l.Length > 0),
            cleaned.Split('\n').Select(PdfTools.Normalize).Where(l => l.Length > 0));
    }
}
