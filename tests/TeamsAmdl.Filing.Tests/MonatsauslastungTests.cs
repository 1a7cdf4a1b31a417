using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using TeamsAmdl.Filing.Documents;

namespace TeamsAmdl.Filing.Tests;

/// <summary>
/// The month-end Auslastungsbericht (R-QA-5): the XLSX is schema-valid Office Open XML, both forms are deterministic (the month-end job
/// files the same bytes once when it runs again) and filed under "Auslastung" in the measure's folder.
/// </summary>
public sealed class MonatsauslastungTests
{
    private static MonatsauslastungInput Input() => new(2026, 11, new DateOnly(2026, 11, 30),
    [
        new MonatsauslastungZeile("962-D-2026-0201", "DIA-AM Musterstadt Los 1", "Integra Fachdienste GmbH", "DIA-AM", "Team U25", 10, 4,
            8.73m, 24m, 96m),
        new MonatsauslastungZeile("962-U-2026-0301", "UB/InbeQ Musterstadt", "Inklusionsdienst Lindenhof gGmbH", "UB/InbeQ", "Team U25", 13, 7,
            Mindestplatzzahl: 10, BezahltAberLeer: 3),
    ], "Integra Fachdienste GmbH", "962-D-2026-0201");

    [Fact]
    public void Xlsx_and_docx_are_valid_deterministic_and_filed_under_Auslastung()
    {
        var renderer = new MonatsauslastungRenderer(JobcenterInfo.Musterstadt);
        var xlsx = renderer.RenderXlsx(Input());
        var docx = renderer.RenderDocx(Input());
        Assert.Equal(xlsx.Content.ToArray(), renderer.RenderXlsx(Input()).Content.ToArray());
        Assert.Equal(docx.Content.ToArray(), renderer.RenderDocx(Input()).Content.ToArray());
        Assert.Equal("Integra Fachdienste GmbH/962-D-2026-0201/Auslastung/2026-11-30_Auslastungsbericht 2026-11.xlsx", xlsx.Target.Path().FullPath);
        Assert.Equal(MonatsauslastungRenderer.XlsxType, xlsx.ContentType);
        Assert.EndsWith(".docx", docx.Target.Path().FullPath, StringComparison.Ordinal);

        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content.ToArray()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
            Assert.Equal(MonatsauslastungRenderer.SheetName, book.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
        }
        // The DOCX comes from the shared DocxLayout, whose output DocumentTests checks with LibreOffice.
        using var word = WordprocessingDocument.Open(new MemoryStream(docx.Content.ToArray()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("8,73 TM verbraucht, 24,00 TM geplant bis Stichtag (36,4 % des Plans), 96,00 TM vereinbart", text);
        Assert.Contains("10; 3 Plätze bezahlt, aber leer", text);
    }

    [Fact]
    public void A_report_without_measures_is_refused()
    {
        var renderer = new MonatsauslastungRenderer(JobcenterInfo.Musterstadt);
        Assert.Throws<ArgumentException>(() => renderer.RenderXlsx(Input() with { Zeilen = [] }));
        Assert.Throws<ArgumentException>(() => renderer.RenderDocx(Input() with { Monat = 13 }));
    }
}
