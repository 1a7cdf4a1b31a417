using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsAmdl.Filing.Documents;

/// <summary>
/// Builds the Word (DOCX, Office Open XML) drafts a person edits before sending (records are PDF/A, see
/// <see cref="Pdf.PdfLayout"/>): A4, Liberation Sans/Arial, a header with the Jobcenter's name and the document
/// date, a footer "{Jobcenter} · {title} · Seite X von Y" (PAGE/NUMPAGES fields, which Word and LibreOffice fill
/// in), paragraphs and tables whose header row repeats on every page. Output is deterministic: same input, same
/// bytes (so filing the same document twice is recognised by its hash).
/// </summary>
internal sealed class DocxLayout
{
    public const string FontName = "Liberation Sans";
    private const string AltFont = "Arial";

    private readonly JobcenterInfo _jobcenter;
    private readonly string _title;
    private readonly DateOnly _date;
    private readonly List<OpenXmlElement> _body = [];

    public DocxLayout(JobcenterInfo jobcenter, string title, DateOnly date)
    {
        _jobcenter = jobcenter;
        _title = title;
        _date = date;
    }

    /// <summary>Header text (default: the Jobcenter's name and the date).</summary>
    public string? HeaderText { get; set; }

    /// <summary>Colour of the header text (hex RGB); e.g. red for "ENTWURF".</summary>
    public string? HeaderColor { get; set; }

    public DocxLayout Paragraph(string text, bool bold = false, JustificationValues? align = null, int spacingAfter = 160, int size = 22,
        bool underline = false)
    {
        _body.Add(Para(text, bold, size, align, spacingAfter, underline: underline));
        return this;
    }

    /// <summary>A bordered table; column widths in twentieths of a point (A4 text width ≈ 9300); the header row repeats.</summary>
    public DocxLayout Table(IReadOnlyList<string> headers, IReadOnlyList<int> widths, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlySet<int>? rightAligned = null, Func<IReadOnlyList<string>, bool>? highlight = null)
    {
        // Child order is the schema's (CT_TblBorders: top, left, bottom, right, insideH, insideV; CT_TblPr: tblW, tblBorders,
        // tblLayout): Word treats a file with another order as damaged.
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(German.Culture) }, border,
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(German.Culture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < headers.Count; i++)
            header.Append(Cell(headers[i], bold: true, width: widths[i], fill: "D9D9D9", right: rightAligned?.Contains(i) == true));
        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            var fill = highlight?.Invoke(row) == true ? "FDE2E1" : null;
            for (var i = 0; i < widths.Count; i++)
                tr.Append(Cell(i < row.Count ? row[i] : "", width: widths[i], fill: fill, right: rightAligned?.Contains(i) == true));
            table.Append(tr);
        }
        _body.Add(table);
        _body.Add(Para("", spacingAfter: 60));
        return this;
    }

    /// <summary>Writes the package.</summary>
    public byte[] Build(string subject)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var stamp = _date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            word.PackageProperties.Title = _title;
            word.PackageProperties.Subject = subject;
            word.PackageProperties.Creator = _jobcenter.Name;
            word.PackageProperties.LastModifiedBy = _jobcenter.Name;
            word.PackageProperties.Language = "de-DE";
            word.PackageProperties.Created = stamp;
            word.PackageProperties.Modified = stamp;

            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
            settings.Settings = new Settings();
            settings.Settings.Append(new UpdateFieldsOnOpen { Val = false });

            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = new Header(
                new Paragraph(
                    new ParagraphProperties( // schema order: pBdr before tabs
                        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080", Space = 4 }),
                        new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9300 })),
                    TextRun(HeaderText ?? _jobcenter.Name, 18, bold: true, color: HeaderColor),
                    new Run(new TabChar()),
                    TextRun(German.Date(_date), 18)),
                Para(_jobcenter.Anschrift, size: 14, spacingAfter: 0, color: "595959"));

            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(
                    new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080", Space = 4 }),
                    new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9300 })),
                TextRun($"{_jobcenter.Name} · {_title}", 16, color: "595959"),
                new Run(new TabChar()),
                TextRun("Seite ", 16, color: "595959"),
                Field("PAGE", 16),
                TextRun(" von ", 16, color: "595959"),
                Field("NUMPAGES", 16)));

            var body = new Body(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1560, Bottom = 1134, Left = 1418, Right = 1134, Header = 567, Footer = 567, Gutter = 0U }));
            main.Document = new Document(body);
        }
        return Deterministic(stream.ToArray(), _date);
    }

    internal static Paragraph Para(string text, bool bold = false, int size = 22, JustificationValues? align = null, int spacingAfter = 160,
        int spacingBefore = 0, bool keepNext = false, bool underline = false, string? color = null)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        props.Append(new SpacingBetweenLines { Before = spacingBefore.ToString(German.Culture), After = spacingAfter.ToString(German.Culture) });
        if (align is { } a) props.Append(new Justification { Val = a });
        return new Paragraph(props, TextRun(text, size, bold, underline, color));
    }

    internal static Run TextRun(string text, int size, bool bold = false, bool underline = false, string? color = null)
    {
        var props = new RunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName });
        if (bold) props.Append(new Bold());
        if (color is not null) props.Append(new Color { Val = color });
        props.Append(new FontSize { Val = size.ToString(German.Culture) }); // schema order: rFonts, b, color, sz, u
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A PAGE or NUMPAGES field; Word and LibreOffice fill in the number.</summary>
    internal static SimpleField Field(string instruction, int size) =>
        new(TextRun("1", size, color: "595959")) { Instruction = $" {instruction} " };

    private static TableCell Cell(string text, bool bold = false, int width = 0, string? fill = null, bool right = false)
    {
        var props = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(German.Culture) });
        if (fill is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        var cell = new TableCell(props);
        foreach (var line in text.Split('\n'))
            cell.Append(Para(line, bold, spacingAfter: 0, align: right ? JustificationValues.Right : null));
        return cell;
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = AltFont },
                new FontSize { Val = "22" },
                new Languages { Val = "de-DE" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    /// <summary>
    /// The SDK names package-level relationships (main document, core properties) with random ids; nothing refers to
    /// them by id, so they are renumbered in target order.
    /// </summary>
    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";
    private const string CorePropertiesPart = "/" + CorePropertiesFolder + "core.psmdcp";

    private static void NumberPackageRelationships(Stream from, Stream to)
    {
        var xml = System.Xml.Linq.XDocument.Load(from);
        var relationships = xml.Root!.Elements().OrderBy(e => (string?)e.Attribute("Target"), StringComparer.Ordinal).ToList();
        for (var i = 0; i < relationships.Count; i++)
        {
            relationships[i].SetAttributeValue("Id", "rIdPkg" + (i + 1).ToString(German.Culture));
            if (((string?)relationships[i].Attribute("Target"))?.StartsWith("/" + CorePropertiesFolder, StringComparison.Ordinal) == true)
                relationships[i].SetAttributeValue("Target", CorePropertiesPart);
        }
        xml.Root.ReplaceNodes(relationships);
        xml.Save(to, System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    /// <summary>Rewrites the package with fixed entry order and timestamps, so identical input gives identical bytes.</summary>
    internal static byte[] Deterministic(byte[] package, DateOnly date)
    {
        var stamp = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                // System.IO.Packaging names the core-properties part after a random GUID; give it a fixed name.
                var name = entry.FullName.StartsWith(CorePropertiesFolder, StringComparison.Ordinal) ? CorePropertiesPart[1..] : entry.FullName;
                var copy = zip.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                    NumberPackageRelationships(from, to);
                else
                    from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
