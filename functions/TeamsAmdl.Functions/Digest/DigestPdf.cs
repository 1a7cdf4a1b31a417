using System.Globalization;
using System.IO.Compression;
using System.Text;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// The published digest as a PDF for the e-Akte (R-INFO-2, R-DOC): A4 landscape, the standard fonts Helvetica and
/// Helvetica-Bold (WinAnsi, so German umlauts and „“–€ print without embedding a font), the same groups and rows as
/// the Teams digest, never shortened: long titles and remarks wrap, tables continue on the next page with their
/// header repeated, every page says "Seite x von y". A small self-contained writer: no package needed.
/// </summary>
public static class DigestPdf
{
    public const string ContentType = "application/pdf";

    private const double PageWidth = 842, PageHeight = 595, Margin = 40;
    private const double BodySize = 8.5, Line = 10.5, CellPad = 3;
    private static readonly (string Title, double Width)[] Columns =
    [
        ("Maßnahme", 236), ("Träger / Ort", 168), ("Belegt", 48), ("Frei", 40), ("Nächster Einstieg", 82), ("Bemerkung", 188),
    ];

    public static byte[] Render(DigestSnapshot s, string jobcenterName, int soonDays = DigestRules.DefaultSoonDays)
    {
        ArgumentNullException.ThrowIfNull(s);
        var week = s.WeekKey;
        var title = $"Maßnahmeinfo {week.Label}";
        var layout = new Layout(jobcenterName, title);
        var publishedAt = TimeZoneInfo.ConvertTime(s.PublishedAt, BerlinCalendar.Zone);

        layout.Text(Margin, 16, true, title);
        layout.Advance(20);
        layout.Text(Margin, 9.5, false,
            $"Woche vom {D(week.Monday)} bis {D(week.Sunday)} · veröffentlicht von {s.PublishedByName} am {publishedAt:dd.MM.yyyy} um {publishedAt:HH:mm} Uhr");
        layout.Advance(14);
        var t = DigestTotals.Of(s.Entries, s.Today, soonDays);
        layout.Text(Margin, 9.5, false,
            $"{t.Measures} Maßnahmen · {t.FreePlaces} freie Plätze in {t.MeasuresWithFreePlaces} Maßnahmen · " +
            $"{t.EntriesSoon} Einstiegstermine in den nächsten {soonDays} Tagen" +
            (t.Missing > 0 ? $" · {t.Missing} ohne Wochenmeldung (Systemwerte)" : ""));
        layout.Advance(18);
        if (s.Entries.Count == 0)
            layout.Text(Margin, BodySize, false, "In dieser Woche läuft keine Maßnahme.");

        foreach (var g in DigestRules.Group(s.Entries))
        {
            var heading = $"{g.TeamName} · {g.Kind.German()}";
            // Keep the heading with the table header and at least one row.
            if (!layout.Fits(17 + Line + 2 * CellPad + 2 * Line + 2 * CellPad)) layout.NewPage();
            layout.Text(Margin, 11, true, heading);
            layout.Advance(17);
            layout.TableHeader(Columns);
            foreach (var e in g.Entries)
            {
                var cells = new[]
                {
                    e.Title + "\n" + e.Number + (e.State == DigestInputState.Missing ? " · Systemwerte, keine Wochenmeldung" : ""),
                    e.Traeger + "\n" + e.Location,
                    $"{e.Occupied}/{e.Capacity}",
                    e.FreePlaces.ToString(CultureInfo.InvariantCulture),
                    e.NextEntryDate is { } d ? D(d) : "–",
                    string.IsNullOrWhiteSpace(e.Remarks) ? "–" : e.Remarks,
                };
                var bold = new[] { false, false, false, e.FreePlaces > 0, DigestRules.IsSoon(e.NextEntryDate, s.Today, soonDays), false };
                var lines = cells.Select((c, i) => Wrap(c, Columns[i].Width - 2 * CellPad, bold[i])).ToArray();
                var height = lines.Max(l => l.Count) * Line + 2 * CellPad;
                if (!layout.Fits(height))
                {
                    layout.NewPage();
                    layout.Text(Margin, 11, true, heading + " (Fortsetzung)");
                    layout.Advance(17);
                    layout.TableHeader(Columns);
                }
                layout.Row(Columns, lines, bold, height, fill: e.FreePlaces > 0 ? 3 : -1);
            }
            layout.Advance(14);
        }
        return layout.Finish($"{jobcenterName} · {title}", s.PublishedAt);
    }

    private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Word wrap by Helvetica metrics; explicit line breaks are kept; words longer than a line are broken.</summary>
    public static List<string> Wrap(string text, double width, bool bold)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (TextWidth(candidate, BodySize, bold) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }
                if (line.Length > 0) result.Add(line.ToString());
                line.Clear();
                var rest = word;
                while (TextWidth(rest, BodySize, bold) > width)
                {
                    var n = rest.Length - 1;
                    while (n > 1 && TextWidth(rest[..n], BodySize, bold) > width) n--;
                    result.Add(rest[..n]);
                    rest = rest[n..];
                }
                line.Append(rest);
            }
            result.Add(line.ToString());
        }
        return result;
    }

    public static double TextWidth(string text, double size, bool bold)
    {
        double units = 0;
        foreach (var c in text) units += CharWidth(c);
        return units * size / 1000 * (bold ? 1.08 : 1.0);
    }

    // Helvetica AFM widths (1/1000 em) for ASCII; Latin-1 letters as their base letters.
    private static readonly int[] AsciiWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278, // p … DEL
    ];

    private static int CharWidth(char c) => c switch
    {
        >= ' ' and <= '~' => AsciiWidths[c - ' '],
        'Ä' => 667, 'Ö' => 778, 'Ü' => 722, 'ä' or 'ö' or 'ü' => 556, 'ß' => 611,
        '–' => 556, '—' => 1000, '„' or '“' or '”' => 333, '‚' or '‘' or '’' => 222, '€' => 556, '·' => 278, '…' => 1000,
        _ => 556,
    };

    /// <summary>cp1252 (WinAnsiEncoding) byte of a character; '?' for what it cannot show.</summary>
    internal static byte WinAnsi(char c) => c switch
    {
        < (char)0x80 => (byte)c,
        >= (char)0xA0 and <= (char)0xFF => (byte)c,
        '€' => 0x80, '‚' => 0x82, '„' => 0x84, '…' => 0x85, '‘' => 0x91, '’' => 0x92, '“' => 0x93, '”' => 0x94, '•' => 0x95,
        '–' => 0x96, '—' => 0x97, 'ı' => (byte)'i',
        _ => (byte)'?',
    };

    private sealed class Layout(string jobcenter, string title)
    {
        private readonly List<StringBuilder> _pages = [];
        private StringBuilder _page = null!;
        private double _y;

        public void NewPage()
        {
            _page = new StringBuilder();
            _pages.Add(_page);
            _y = PageHeight - Margin;
            Text(Margin, 7.5, false, jobcenter, gray: true);
            if (_pages.Count > 1)
            {
                Text(PageWidth - Margin - TextWidth(title, 7.5, false), 7.5, false, title, gray: true);
            }
            _y -= 18;
        }

        public bool Fits(double height)
        {
            EnsurePage();
            return _y - height >= Margin + 20;
        }

        public void Advance(double dy)
        {
            EnsurePage();
            _y -= dy;
        }

        public void Text(double x, double size, bool bold, string text, bool gray = false)
        {
            EnsurePage();
            var color = gray ? "0.4 g " : "0 g ";
            _page.Append(CultureInfo.InvariantCulture, $"BT {color}/{(bold ? "F2" : "F1")} {N(size)} Tf {N(x)} {N(_y - size)} Td ").Append(Literal(text)).Append(" Tj ET\n");
        }

        public void TableHeader((string Title, double Width)[] columns)
        {
            var height = Line + 2 * CellPad;
            var width = columns.Sum(c => c.Width);
            _page.Append(CultureInfo.InvariantCulture, $"0.92 g {N(Margin)} {N(_y - height)} {N(width)} {N(height)} re f\n");
            var x = Margin;
            foreach (var (t, w) in columns)
            {
                _page.Append(CultureInfo.InvariantCulture, $"BT 0 g /F2 {N(BodySize)} Tf {N(x + CellPad)} {N(_y - CellPad - BodySize)} Td ")
                    .Append(Literal(t)).Append(" Tj ET\n");
                x += w;
            }
            _y -= height;
            Rule(width);
        }

        public void Row((string Title, double Width)[] columns, IReadOnlyList<List<string>> lines, bool[] bold, double height, int fill)
        {
            var x = Margin;
            for (var i = 0; i < columns.Length; i++)
            {
                if (i == fill)
                    _page.Append(CultureInfo.InvariantCulture, $"0.86 0.95 0.86 rg {N(x)} {N(_y - height)} {N(columns[i].Width)} {N(height)} re f\n");
                var ly = _y - CellPad - BodySize;
                foreach (var line in lines[i])
                {
                    _page.Append(CultureInfo.InvariantCulture, $"BT 0 g /{(bold[i] ? "F2" : "F1")} {N(BodySize)} Tf {N(x + CellPad)} {N(ly)} Td ")
                        .Append(Literal(line)).Append(" Tj ET\n");
                    ly -= Line;
                }
                x += columns[i].Width;
            }
            _y -= height;
            Rule(columns.Sum(c => c.Width));
        }

        private void Rule(double width) =>
            _page.Append(CultureInfo.InvariantCulture, $"0.7 G 0.5 w {N(Margin)} {N(_y)} m {N(Margin + width)} {N(_y)} l S\n");

        private void EnsurePage()
        {
            if (_pages.Count == 0) NewPage();
        }

        public byte[] Finish(string footer, DateTimeOffset created)
        {
            EnsurePage();
            for (var i = 0; i < _pages.Count; i++)
            {
                var pageText = $"Seite {i + 1} von {_pages.Count}";
                _pages[i].Append(CultureInfo.InvariantCulture, $"BT 0.4 g /F1 7.5 Tf {N(Margin)} {N(Margin - 12)} Td ").Append(Literal(footer)).Append(" Tj ET\n");
                _pages[i].Append(CultureInfo.InvariantCulture, $"BT 0.4 g /F1 7.5 Tf {N(PageWidth - Margin - TextWidth(pageText, 7.5, false))} {N(Margin - 12)} Td ")
                    .Append(Literal(pageText)).Append(" Tj ET\n");
            }
            return Write(_pages.Select(p => p.ToString()).ToList(), title, jobcenter, created);
        }
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A PDF literal string in WinAnsi: ( ) \ escaped, bytes above 127 as octal escapes (the content stays ASCII).</summary>
    private static string Literal(string text)
    {
        var sb = new StringBuilder("(");
        foreach (var c in text)
        {
            var b = WinAnsi(c);
            if (b is (byte)'(' or (byte)')' or (byte)'\\') sb.Append('\\').Append((char)b);
            else if (b < 32 || b > 126) sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            else sb.Append((char)b);
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Text for the document information dictionary: UTF-16BE with byte order mark, as a hex string.</summary>
    private static string InfoText(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static byte[] Write(IReadOnlyList<string> pages, string title, string author, DateTimeOffset created)
    {
        using var output = new MemoryStream();
        var offsets = new List<long>();
        void Raw(string s) { var b = Encoding.ASCII.GetBytes(s); output.Write(b, 0, b.Length); }
        void Obj(int number, string body) { offsets.Add(output.Position); Raw($"{number} 0 obj\n{body}\nendobj\n"); }

        Raw("%PDF-1.4\n");
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // marks the file as binary for transfer tools
        // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then per page: page, contents.
        var pageObjects = Enumerable.Range(0, pages.Count).Select(i => 6 + 2 * i).ToList();
        Obj(1, "<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) >>");
        Obj(2, $"<< /Type /Pages /Kids [{string.Join(" ", pageObjects.Select(p => $"{p} 0 R"))}] /Count {pages.Count} >>");
        Obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        var utc = created.ToUniversalTime();
        Obj(5, $"<< /Title {InfoText(title)} /Author {InfoText(author)} /Creator (TeamsAmdl) /Producer (TeamsAmdl DigestPdf) " +
               $"/CreationDate (D:{utc:yyyyMMddHHmmss}Z) >>");
        for (var i = 0; i < pages.Count; i++)
        {
            Obj(pageObjects[i], $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] " +
                                $"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {pageObjects[i] + 1} 0 R >>");
            var compressed = Deflate(Encoding.ASCII.GetBytes(pages[i]));
            offsets.Add(output.Position);
            Raw($"{pageObjects[i] + 1} 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
            output.Write(compressed);
            Raw("\nendstream\nendobj\n");
        }
        var xref = output.Position;
        Raw($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Raw($"{o:D10} 00000 n \n");
        Raw($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }
}
