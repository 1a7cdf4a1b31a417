using System.Text;
using TeamsAmdl.Filing.Documents.Pdf;
using TeamsAmdl.Functions.Digest;
using TeamsAmdl.TestSupport;

namespace TeamsAmdl.Functions.Tests.Digest;

/// <summary>The digest PDF read back with poppler (pdftotext, pdfinfo, pdffonts), as a person's tools read it.</summary>
public sealed class DigestPdfTests
{
    [Fact]
    public void Pdf_of_300_measures_lists_every_measure_with_umlauts_and_page_numbers()
    {
        var snapshot = DigestSamples.Snapshot(300);
        var pdf = DigestPdf.Render(snapshot, "Jobcenter Musterstadt");
        File.WriteAllBytes(Path.Combine(Chromium.ArtifactsDir("digest"), "massnahmeinfo-300.pdf"), pdf); // for review
        Assert.StartsWith("%PDF-1.", Encoding.ASCII.GetString(pdf, 0, 7));
        Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(pdf, pdf.Length - 7, 7).TrimEnd());

        var raw = PdfTools.Text(pdf);
        var text = PdfTools.Normalize(raw);
        foreach (var e in snapshot.Entries) Assert.Contains(e.Number, text);
        Assert.Contains("Maßnahmeinfo KW 47/2026", text);
        Assert.Contains("Team Ü25 Nord", text);
        Assert.Contains("„nach", text);
        Assert.Contains("Absprache“", text);
        var pages = PdfTools.Pages(pdf);
        Assert.InRange(pages, 4, 60);
        for (var p = 1; p <= pages; p++) Assert.Contains($"Seite {p} von {pages}", text);
        Assert.Contains("(Fortsetzung)", text);
    }

    [Fact]
    public void The_digest_is_a_pdf_a_with_embedded_fonts_and_landscape_a4_pages()
    {
        var pdf = DigestPdf.Render(DigestSamples.Snapshot(40), "Jobcenter Musterstadt");
        // The poppler tools fail on broken cross-references or streams (PdfTools throws on their error output).
        var fonts = PdfTools.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+Liberation Sans.*\byes\s+yes\s+yes\b", f));
        var meta = PdfTools.Metadata(pdf);
        Assert.Contains("<pdfaid:part>1</pdfaid:part>", meta);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", meta);
        Assert.Contains("Page size:       842 x 595 pts (A4)", PdfTools.Info(pdf));
    }

    [Fact]
    public void An_empty_week_says_so()
    {
        var pdf = DigestPdf.Render(DigestSamples.Snapshot(0), "Jobcenter Musterstadt");
        var text = PdfTools.Normalize(PdfTools.Text(pdf));
        Assert.Contains("In dieser Woche läuft keine Maßnahme.", text);
        Assert.Contains("Seite 1 von 1", text);
    }

    [Fact]
    public void Long_words_and_remarks_wrap_instead_of_being_cut()
    {
        var lines = PdfLayout.Wrap("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen und noch ein paar Wörter", 80, false);
        Assert.True(lines.Count > 2);
        Assert.Equal("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen und noch ein paar Wörter".Replace(" ", ""),
            string.Concat(lines).Replace(" ", ""));
        Assert.All(lines, l => Assert.True(PdfLayout.TextWidth(l, PdfLayout.BodySize, false) <= 80));
    }
}
