using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Filing.Tests.Support;

namespace TeamsAmdl.Filing.Tests;

/// <summary>
/// Every Office document the app generates passes the Open XML SDK's schema validator with zero errors: Word repairs or
/// refuses files that break the schema (element order in properties, for one), even where LibreOffice shows them. The
/// other kinds (Bewertungsbogen, Maßnahmeinfo, Auslastungsbericht per measure, Wochenübersicht) are PDF/A and checked elsewhere.
/// </summary>
public sealed class OpenXmlValidityTests
{
    private static readonly JobcenterInfo Jobcenter = JobcenterInfo.Musterstadt;

    private static MonatsauslastungInput Monatsauslastung() => new(2026, 11, new DateOnly(2026, 11, 30),
    [
        new MonatsauslastungZeile("962-D-2026-0201", "DIA-AM Musterstadt Los 1", "Integra Fachdienste GmbH", "DIA-AM", "Team U25", 10, 4,
            8.73m, 24m, 96m),
        new MonatsauslastungZeile("962-U-2026-0301", "UB/InbeQ Musterstadt", "Inklusionsdienst Lindenhof gGmbH", "UB/InbeQ", "Team U25", 13, 7,
            Mindestplatzzahl: 10, BezahltAberLeer: 3),
    ], "Integra Fachdienste GmbH", "962-D-2026-0201");

    /// <summary>Each generated DOCX/XLSX kind by name; a new renderer of an Office format belongs in this list.</summary>
    private static readonly Dictionary<string, Func<RenderedDocument>> Kinds = new()
    {
        ["Prüfbericht"] = () => new PruefberichtRenderer(Jobcenter).Render(new PruefberichtInput(
            "962-E-2026-0101", "Aktivcenter Jugend", "Bildungswerk Rheinaue gGmbH", new DateOnly(2026, 10, 1),
            "Regelprüfung (3 Monate nach Beginn)", "3 = Maßnahmeprüfung", ["Julia Weber", "Katrin Fischer"],
            "Anwesenheit wird nur wöchentlich nachgetragen.",
            [new PruefberichtMangel("Anwesenheitslisten nicht tagesaktuell", false), new PruefberichtMangel("Kein Sozialpädagoge vor Ort", true)],
            "Julia Weber", "962-E-2026-0101 regular-3")),
        ["Prüfbericht ohne Mängel"] = () => new PruefberichtRenderer(Jobcenter).Render(new PruefberichtInput(
            "962-E-2026-0101", "Aktivcenter Jugend", "Bildungswerk Rheinaue gGmbH", new DateOnly(2026, 10, 1),
            "Angekündigte Prüfung (anlassbezogen)", "6 = Kontaktbesuch", ["Julia Weber"], "Keine Auffälligkeiten.", [],
            "Julia Weber", "962-E-2026-0101 adhoc-1")),
        ["Mängelschreiben"] = () => new MaengelschreibenRenderer(Jobcenter).Render(DocumentSamples.Maengelschreiben()),
        ["Auslastungsbericht DOCX"] = () => new MonatsauslastungRenderer(Jobcenter).RenderDocx(Monatsauslastung()),
        ["Auslastungsbericht XLSX"] = () => new MonatsauslastungRenderer(Jobcenter).RenderXlsx(Monatsauslastung()),
        ["Erwartungsbogen"] = () => new ErwartungsbogenRenderer(Jobcenter).Render(new ErwartungsbogenInput(
            "962-E-2026-0101", "Aktivcenter Jugend", "Bildungswerk Rheinaue gGmbH", "K-2026-0042", new DateOnly(2026, 11, 2),
            "Ich möchte einen Ausbildungsplatz im Handwerk finden.", new DateOnly(2027, 2, 1), "Laura Krüger", new DateOnly(2026, 11, 20))),
    };

    public static TheoryData<string> KindNames() => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Generated_office_document_has_no_schema_errors(string kind)
    {
        var doc = Kinds[kind]();
        using var stream = new MemoryStream(doc.Content.ToArray());
        using OpenXmlPackage package = doc.ContentType == MonatsauslastungRenderer.XlsxType
            ? SpreadsheetDocument.Open(stream, false)
            : WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, $"{kind}: {errors.Count} Fehler\n" + string.Join("\n", errors));
    }
}
