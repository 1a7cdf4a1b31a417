using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TeamsAmdl.Filing.Documents.Pdf;

/// <summary>
/// The one PDF writer of the app (PDFsharp), used by the e-Akte records and the weekly digest: A4 portrait or
/// landscape, Liberation Sans embedded (umlauts, „“, –, € print and stay extractable), a header (bold left text,
/// right text, optional second line), a footer "{footer} · Seite X von Y" on every page, and a flow of title,
/// headings, paragraphs, bullets, label/value blocks and tables that wrap long text and break across pages with
/// their header row repeated. PDF/A-1b (PDFsharp's <see cref="PdfDocument.SetPdfA"/>: XMP metadata, sRGB output
/// intent, no transparency). Deterministic: same input, same bytes (ids and font subset tags derive from the drawn text), so filing
/// the same document twice is recognised by its hash.
/// </summary>
public sealed partial class PdfLayout
{
    public const string ContentType = "application/pdf";
    public const double BodySize = 9.5;
    private const double Margin = 40, LeftMargin = 56, CellPad = 3;

    private static readonly XColor Ink = XColor.FromArgb(0, 0, 0), Gray = XColor.FromArgb(89, 89, 89), RuleColor = XColor.FromArgb(128, 128, 128);
    private static readonly XColor HeaderFill = XColor.FromArgb(217, 217, 217), AttentionFill = XColor.FromArgb(253, 226, 225), PositiveFill = XColor.FromArgb(219, 242, 219);

    private readonly PdfDocument _document = new();
    private readonly bool _landscape;
    private readonly string _headerLeft, _headerRight, _footer;
    private readonly string? _headerLine2;
    private readonly IncrementalHash _text = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private XGraphics? _page;
    private double _y;

    static PdfLayout() => LiberationFontResolver.Register();

    /// <param name="headerLeft">Bold, left (e.g. the Jobcenter's name).</param>
    /// <param name="headerRight">Right (e.g. the date or the title).</param>
    /// <param name="headerLine2">Small grey line under the header (e.g. the address); null: none.</param>
    /// <param name="footer">Left in the footer; "Seite X von Y" goes right.</param>
    public PdfLayout(string headerLeft, string headerRight, string? headerLine2, string footer, bool landscape = false)
    {
        _headerLeft = headerLeft;
        _headerRight = headerRight;
        _headerLine2 = headerLine2;
        _footer = footer;
        _landscape = landscape;
        _document.PageLayout = PdfPageLayout.SinglePage;
    }

    private double PageWidth => _landscape ? 841.89 : 595.28;
    private double PageHeight => _landscape ? 595.28 : 841.89;
    private double Left => _landscape ? Margin : LeftMargin;

    /// <summary>Width between the margins, in points.</summary>
    public double ContentWidth => PageWidth - Left - Margin;

    private double Bottom => PageHeight - Margin - 22;

    public PdfLayout Title(string text) => Paragraph(text, bold: true, size: 16, spacingAfter: 8);

    /// <summary>A heading kept on one page with at least <paramref name="keepWith"/> points of what follows.</summary>
    public PdfLayout Heading(string text, double size = 12, double keepWith = 48)
    {
        EnsurePage();
        if (!Fits(size * 1.25 + 6 + keepWith)) NewPage();
        _y += 6;
        return Paragraph(text, bold: true, size: size, spacingAfter: 4);
    }

    public PdfLayout Paragraph(string text, bool bold = false, double size = BodySize, double spacingAfter = 6)
    {
        EnsurePage();
        var line = size * 1.25;
        foreach (var l in Wrap(text, ContentWidth, bold, size))
        {
            if (!Fits(line)) NewPage();
            Draw(l, Left, _y, size, bold, Ink);
            _y += line;
        }
        _y += spacingAfter;
        return this;
    }

    public PdfLayout Bullets(IEnumerable<string> items)
    {
        EnsurePage();
        const double indent = 12;
        var line = BodySize * 1.25;
        foreach (var item in items)
        {
            var lines = Wrap(item, ContentWidth - indent, false, BodySize);
            for (var i = 0; i < lines.Count; i++)
            {
                if (!Fits(line)) NewPage();
                if (i == 0) Draw("•", Left, _y, BodySize, false, Ink);
                Draw(lines[i], Left + indent, _y, BodySize, false, Ink);
                _y += line;
            }
            _y += 2;
        }
        _y += 4;
        return this;
    }

    /// <summary>Label/value rows without borders: the label bold in the left third.</summary>
    public PdfLayout Fields(IEnumerable<(string Label, string Value)> fields)
    {
        EnsurePage();
        var labelWidth = Math.Round(ContentWidth / 3);
        var line = BodySize * 1.25;
        foreach (var (label, value) in fields)
        {
            var labels = Wrap(label, labelWidth - CellPad, true, BodySize);
            var values = Wrap(value, ContentWidth - labelWidth, false, BodySize);
            var height = Math.Max(labels.Count, values.Count) * line + 2;
            if (!Fits(height)) NewPage();
            for (var i = 0; i < labels.Count; i++) Draw(labels[i], Left, _y + i * line, BodySize, true, Ink);
            for (var i = 0; i < values.Count; i++) Draw(values[i], Left + labelWidth, _y + i * line, BodySize, false, Ink);
            _y += height;
        }
        _y += 6;
        return this;
    }

    /// <summary>
    /// A bordered table. Rows never split; a row that does not fit starts a new page, which repeats the header row
    /// (and <paramref name="continuation"/> + " (Fortsetzung)" above it, when given).
    /// </summary>
    public PdfLayout Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<PdfCell>> rows, string? continuation = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        EnsurePage();
        var header = columns.Select(c => new PdfCell(c.Title, Bold: true)).ToList();
        var first = true;
        foreach (var row in rows)
        {
            var height = RowHeight(columns, row);
            if (first)
            {
                // Header row and the first row stay together.
                if (!Fits(RowHeight(columns, header) + height)) NewPage();
                DrawRow(columns, header, RowHeight(columns, header), HeaderFill);
                first = false;
            }
            else if (!Fits(height))
            {
                NewPage();
                if (continuation is not null) Paragraph(continuation + " (Fortsetzung)", bold: true, size: 11, spacingAfter: 4);
                DrawRow(columns, header, RowHeight(columns, header), HeaderFill);
            }
            DrawRow(columns, row, height, null);
        }
        if (first) DrawRow(columns, header, RowHeight(columns, header), HeaderFill);
        _y += 8;
        return this;
    }

    /// <summary>Adds "Seite X von Y" to every page and writes the PDF/A file.</summary>
    public byte[] Build(PdfInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        EnsurePage();
        _page!.Dispose();
        _page = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = PageHeight - Margin - 12;
            gfx.DrawLine(new XPen(RuleColor, 0.5), Left, y - 4, PageWidth - Margin, y - 4);
            Draw(gfx, _footer, Left, y, 7.5, false, Gray, null);
            Draw(gfx, $"Seite {i + 1} von {count}", Left, y, 7.5, false, Gray, ContentWidth);
        }

        var created = info.Created.UtcDateTime;
        _document.Info.Title = info.Title;
        _document.Info.Author = info.Author;
        _document.Info.Subject = info.Subject;
        _document.Info.Creator = "TeamsAmdl";
        _document.Info.CreationDate = created;
        _document.Info.ModificationDate = created;
        _document.Language = "de-DE";
        _document.SetPdfA();
        Hash(info.Title + "\n" + info.Author + "\n" + info.Subject + "\n" + created.Ticks);
        var hash = _text.GetHashAndReset();
        _text.Dispose();
        // The document id is random by default; a hash of everything drawn keeps the bytes reproducible.
        var id = new string(hash.Take(16).Select(b => (char)b).ToArray());
        _document.Internals.FirstDocumentID = id;
        _document.Internals.SecondDocumentID = id;
        using var output = new MemoryStream();
        _document.Save(output, false);
        _document.Dispose();
        return Reproducible(output.ToArray(), hash);
    }

    /// <summary>
    /// PDFsharp 6.2.4 takes the font subset tags ("ABCDEF+Liberation Sans") and the XMP document/instance ids from
    /// Guid.NewGuid(). They are replaced in place with values derived from the content hash: same length, so the
    /// cross-reference offsets stay valid (both sit in uncompressed dictionaries and the uncompressed XMP stream).
    /// </summary>
    private static byte[] Reproducible(byte[] pdf, byte[] hash)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Value, out var tag))
                tags[m.Value] = tag = string.Concat(Enumerable.Range(0, 6).Select(k => (char)('A' + hash[(tags.Count * 6 + k) % hash.Length] % 26)));
            return tag;
        });
        text = XmpId().Replace(text, m => new Guid(hash.AsSpan(m.Groups[1].Value == "DocumentID" ? 0 : 16, 16)).ToString("D"));
        // SetPdfA() declares level A (1a), which also asks for a tagged logical structure; the text here is not
        // tagged, so the file claims what it fulfils: PDF/A-1b (embedded fonts, output intent, XMP, no transparency).
        text = text.Replace("<pdfaid:conformance>A</pdfaid:conformance>", "<pdfaid:conformance>B</pdfaid:conformance>", StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text);
    }

    [GeneratedRegex("(?<=/(?:FontName|BaseFont)/)[A-Z]{6}(?=\\+)")]
    private static partial Regex SubsetTag();

    [GeneratedRegex("(?<=<xmpMM:(DocumentID|InstanceID)>uuid:)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex XmpId();

    /// <summary>Word wrap by the font's metrics; explicit line breaks are kept; words longer than a line are broken.</summary>
    public static List<string> Wrap(string text, double width, bool bold, double size = BodySize)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (TextWidth(candidate, size, bold) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }
                if (line.Length > 0) result.Add(line.ToString());
                line.Clear();
                var rest = word;
                while (TextWidth(rest, size, bold) > width)
                {
                    var n = rest.Length - 1;
                    while (n > 1 && TextWidth(rest[..n], size, bold) > width) n--;
                    result.Add(rest[..n]);
                    rest = rest[n..];
                }
                line.Append(rest);
            }
            result.Add(line.ToString());
        }
        return result;
    }

    /// <summary>Width of <paramref name="text"/> in points.</summary>
    public static double TextWidth(string text, double size, bool bold) => Measure.MeasureString(text, Font(size, bold)).Width;

    // Wrapping measures every candidate line: one measuring context per thread rather than one per call.
    [ThreadStatic]
    private static XGraphics? _measure;

    private static XGraphics Measure => _measure ??= XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);

    private static XFont Font(double size, bool bold) =>
        new(LiberationFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private double RowHeight(IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfCell> row) =>
        columns.Select((c, i) => Wrap(i < row.Count ? row[i].Text : "", c.Width - 2 * CellPad, i < row.Count && row[i].Bold).Count).Max()
        * BodySize * 1.25 + 2 * CellPad;

    private void DrawRow(IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfCell> row, double height, XColor? fill)
    {
        var pen = new XPen(RuleColor, 0.5);
        var x = Left;
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = i < row.Count ? row[i] : new PdfCell("");
            var background = fill ?? cell.Fill switch
            {
                PdfFill.Attention => AttentionFill,
                PdfFill.Positive => PositiveFill,
                _ => (XColor?)null,
            };
            var rect = new XRect(x, _y, columns[i].Width, height);
            if (background is { } b) _page!.DrawRectangle(new XSolidBrush(b), rect);
            _page!.DrawRectangle(pen, rect);
            var ly = _y + CellPad;
            foreach (var line in Wrap(cell.Text, columns[i].Width - 2 * CellPad, cell.Bold, BodySize))
            {
                Draw(line, x + CellPad, ly, BodySize, cell.Bold, Ink, columns[i].RightAligned ? columns[i].Width - 2 * CellPad : null);
                ly += BodySize * 1.25;
            }
            x += columns[i].Width;
        }
        _y += height;
    }

    private bool Fits(double height) => _y + height <= Bottom;

    private void EnsurePage()
    {
        if (_page is null) NewPage();
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = _landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
        Draw(_headerLeft, Left, _y, 9, true, Ink);
        Draw(_headerRight, Left, _y, 9, false, Ink, ContentWidth);
        _y += 12;
        if (_headerLine2 is not null)
        {
            Draw(_headerLine2, Left, _y, 7, false, Gray);
            _y += 9;
        }
        _y += 2;
        _page.DrawLine(new XPen(RuleColor, 0.5), Left, _y, PageWidth - Margin, _y);
        _y += 14;
    }

    private void Draw(string text, double x, double y, double size, bool bold, XColor color, double? alignRightIn = null) =>
        Draw(_page!, text, x, y, size, bold, color, alignRightIn);

    /// <summary>Text with its top at <paramref name="y"/>; right-aligned within <paramref name="alignRightIn"/> points from x when given.</summary>
    private void Draw(XGraphics gfx, string text, double x, double y, double size, bool bold, XColor color, double? alignRightIn)
    {
        if (text.Length == 0) return;
        Hash(text);
        var font = Font(size, bold);
        if (alignRightIn is { } w) x += w - gfx.MeasureString(text, font).Width;
        gfx.DrawString(text, font, new XSolidBrush(color), x, y, XStringFormats.TopLeft);
    }

    private void Hash(string text) => _text.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
}
