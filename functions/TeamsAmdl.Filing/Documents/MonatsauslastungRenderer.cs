using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsAmdl.Filing.Documents;

/// <summary>
/// The month-end Auslastungsbericht (R-QA-5) in two forms, both filed under "Auslastung": an XLSX table (one row per
/// measure, numbers as numbers so Excel can sum and chart them) and a DOCX with the same figures in words and the
/// neutral note. Both are deterministic (same input, same bytes), so a repeated month-end run files nothing twice.
/// </summary>
public sealed class MonatsauslastungRenderer(JobcenterInfo jobcenter)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Auslastung";

    /// <summary>Column headers of the XLSX sheet, in order.</summary>
    public static readonly string[] Spalten =
    [
        "Maßnahmenummer", "Maßnahme", "Maßnahmeart", "Träger", "Team", "Plätze eingekauft", "Belegt am Stichtag", "Auslastung",
        "TM vereinbart", "TM geplant bis Stichtag", "TM verbraucht", "TM-Verbrauch zum Plan", "Mindestplatzzahl", "Bezahlt, aber leer",
    ];

    public RenderedDocument RenderXlsx(MonatsauslastungInput input)
    {
        Check(input);
        using var stream = new MemoryStream();
        using (var book = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var stamp = input.Stichtag.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            book.PackageProperties.Title = input.Titel;
            book.PackageProperties.Creator = jobcenter.Name;
            book.PackageProperties.LastModifiedBy = jobcenter.Name;
            book.PackageProperties.Language = "de-DE";
            book.PackageProperties.Created = stamp;
            book.PackageProperties.Modified = stamp;

            var workbook = book.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rIdSheet1");
            var data = new SheetData();
            data.Append(Row(1, Spalten.Select(h => Text(h, StyleBold)).ToArray()));
            uint r = 2;
            foreach (var z in input.Zeilen)
                data.Append(Row(r++,
                [
                    Text(z.Massnahmenummer), Text(z.MassnahmeTitel), Text(z.Massnahmeart), Text(z.Traeger), Text(z.Team),
                    Number(z.Plaetze), Number(z.Belegt), Number(z.Quote, StylePercent),
                    Number(z.TmVereinbart), Number(z.TmGeplant, StyleDecimal), Number(z.TmVerbraucht, StyleDecimal), Number(z.TmQuote, StylePercent),
                    Number(z.Mindestplatzzahl), z.Mindestplatzzahl is null ? Text("") : Number(z.BezahltAberLeer),
                ]));
            data.Append(Row(r + 1, [Text($"Stichtag {German.Date(input.Stichtag)}. {MonatsauslastungInput.NeutralerHinweis}")]));
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0 }),
                new Columns(Spalten.Select((h, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = i == 1 ? 40 : Math.Max(12, h.Length + 2), CustomWidth = true })),
                data);
            workbook.Workbook.Append(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rIdSheet1" }));
        }
        var bytes = DocxLayout.Deterministic(stream.ToArray(), input.Stichtag);
        return new RenderedDocument(BinaryData.FromBytes(bytes), XlsxType, Target(input, "xlsx"));
    }

    public RenderedDocument RenderDocx(MonatsauslastungInput input)
    {
        Check(input);
        var doc = new DocxLayout(jobcenter, input.Titel, input.Stichtag);
        doc.Paragraph(input.Titel, bold: true, size: 32, spacingAfter: 120);
        doc.Paragraph($"Stichtag: {German.Date(input.Stichtag)} (letzter Arbeitstag des Monats). Belegung am Stichtag im Verhältnis zu den eingekauften Plätzen.");
        foreach (var z in input.Zeilen)
        {
            doc.Paragraph($"{z.Massnahmenummer} – {z.MassnahmeTitel}", bold: true, spacingAfter: 60);
            var lines = new List<IReadOnlyList<string>>
            {
                new[] { "Träger", z.Traeger }, new[] { "Maßnahmeart", z.Massnahmeart }, new[] { "Team", z.Team },
                new[] { "Belegt / eingekauft", $"{z.Belegt} von {z.Plaetze} Plätzen ({German.Percent(z.Plaetze == 0 ? 0 : (double)z.Belegt / z.Plaetze)})" },
            };
            if (z.TmVerbraucht is { } used && z.TmGeplant is { } planned)
                lines.Add(["Teilnahmemonate", $"{Tm(used)} TM verbraucht, {Tm(planned)} TM geplant bis Stichtag" +
                                              (planned > 0 ? $" ({German.Percent((double)(used / planned))} des Plans)" : "") +
                                              (z.TmVereinbart is { } all ? $", {Tm(all)} TM vereinbart" : "")]);
            if (z.Mindestplatzzahl is { } min)
                lines.Add(["Mindestplatzzahl", z.BezahltAberLeer > 0
                    ? $"{min}; {z.BezahltAberLeer} {(z.BezahltAberLeer == 1 ? "Platz" : "Plätze")} bezahlt, aber leer"
                    : $"{min}; erreicht"]);
            doc.Table(["Angabe", "Wert"], [2600, 6700], lines, highlight: row => row[0] == "Mindestplatzzahl" && z.BezahltAberLeer > 0);
        }
        if (input.AusstehendeMeldungen is { Count: > 0 } pending)
        {
            doc.Paragraph($"Ausstehende Träger-Meldungen am Stichtag: {pending.Count}", bold: true, spacingAfter: 60);
            foreach (var line in pending) doc.Paragraph(line, spacingAfter: 0);
        }
        doc.Paragraph(MonatsauslastungInput.NeutralerHinweis);
        var bytes = doc.Build("Auslastungsbericht");
        return new RenderedDocument(BinaryData.FromBytes(bytes), RenderedDocument.DocxType, Target(input, "docx"));
    }

    // Percentages in the text from the exact ratios: the rounded Quote (4 places) would round twice (53,85 → 53,9).
    private static string Tm(decimal value) => value.ToString("0.00", German.Culture);

    private static FilingTarget Target(MonatsauslastungInput input, string extension) =>
        new(input.AblageTraeger, input.AblageMassnahme, FilingCategory.Auslastung, "Auslastungsbericht", input.Stichtag,
            $"Auslastungsbericht {input.Jahr}-{input.Monat:00}", extension);

    private static void Check(MonatsauslastungInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Monat is < 1 or > 12)
            throw new ArgumentException($"Monat {input.Monat} gibt es nicht.", nameof(input));
        if (input.Zeilen is null || input.Zeilen.Count == 0)
            throw new ArgumentException("Der Auslastungsbericht enthält keine Maßnahme.", nameof(input));
    }

    private const uint StyleBold = 1, StylePercent = 2, StyleDecimal = 3;

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Liberation Sans" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Liberation Sans" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },   // built-in 0.00%
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true })    // built-in 0.00
        { Count = 4 });

    private static Row Row(uint index, Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = ColumnName(i) + index;
            row.Append(cells[i]);
        }
        return row;
    }

    private static string ColumnName(int i) => i < 26 ? ((char)('A' + i)).ToString() : "A" + (char)('A' + i - 26);

    private static Cell Text(string value, uint style = 0) =>
        new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style };

    private static Cell Number(decimal? value, uint style = 0) => value is null
        ? Text("")
        : new Cell(new CellValue(value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) { DataType = CellValues.Number, StyleIndex = style == 0 ? null : style };

    private static Cell Number(int? value) => Number((decimal?)value);
}
