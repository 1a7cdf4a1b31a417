using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using TeamsAmdl.Functions.Digest;

namespace TeamsAmdl.Functions.Tests.Digest;

public sealed partial class DigestPdfTests
{
    /// <summary>The text shown by the PDF's content streams (our writer: FlateDecode, literal strings in WinAnsi).</summary>
    public static string ExtractText(byte[] pdf)
    {
        var latin = Encoding.Latin1.GetString(pdf);
        var text = new StringBuilder();
        foreach (Match m in StreamRegex().Matches(latin))
        {
            var start = m.Index + m.Length;
            var end = latin.IndexOf("\nendstream", start, StringComparison.Ordinal);
            var bytes = pdf.AsSpan(start, end - start).ToArray();
            using var z = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var r = new StreamReader(z, Encoding.ASCII);
            foreach (Match t in LiteralRegex().Matches(r.ReadToEnd()))
                text.Append(Decode(t.Groups[1].Value)).Append('\n');
        }
        return text.ToString();
    }

    private static string Decode(string literal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\') { sb.Append(literal[i]); continue; }
            var next = literal[++i];
            if (next is >= '0' and <= '7')
            {
                var b = Convert.ToByte(literal.Substring(i, 3), 8);
                i += 2;
                sb.Append(b switch { 0x84 => '„', 0x93 => '“', 0x96 => '–', 0x80 => '€', 0x85 => '…', _ => (char)b });
            }
            else sb.Append(next);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@">>\nstream\n")]
    private static partial Regex StreamRegex();

    [GeneratedRegex(@"\(((?:[^\\)]|\\.)*)\) Tj")]
    private static partial Regex LiteralRegex();

    [Fact]
    public void Pdf_of_300_measures_lists_every_measure_with_umlauts_and_page_numbers()
    {
        var snapshot = DigestSamples.Snapshot(300);
        var pdf = DigestPdf.Render(snapshot, "Jobcenter Musterstadt");
        File.WriteAllBytes(Path.Combine(TeamsAmdl.TestSupport.Chromium.ArtifactsDir("digest"), "massnahmeinfo-300.pdf"), pdf); // for review
        Assert.StartsWith("%PDF-1.4", Encoding.ASCII.GetString(pdf, 0, 8));
        Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(pdf, pdf.Length - 6, 6));

        var text = ExtractText(pdf);
        foreach (var e in snapshot.Entries) Assert.Contains(e.Number, text);
        Assert.Contains("Maßnahmeinfo KW 47/2026", text);
        Assert.Contains("Team Ü25 Nord", text);
        Assert.Contains("„nach", text);
        Assert.Contains("Absprache“", text);
        var pages = Regex.Matches(Encoding.Latin1.GetString(pdf), "/Type /Page ").Count;
        Assert.True(pages > 3);
        Assert.Contains($"Seite {pages} von {pages}", text);
        Assert.Contains("(Fortsetzung)", text);
    }

    [Fact]
    public void Xref_offsets_point_at_their_objects()
    {
        var pdf = DigestPdf.Render(DigestSamples.Snapshot(40), "Jobcenter Musterstadt");
        var latin = Encoding.Latin1.GetString(pdf);
        var xref = int.Parse(Regex.Match(latin, @"startxref\n(\d+)").Groups[1].Value);
        Assert.StartsWith("xref", latin[xref..]);
        var entries = Regex.Matches(latin[xref..], @"(\d{10}) 00000 n ").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        for (var i = 0; i < entries.Count; i++)
            Assert.StartsWith($"{i + 1} 0 obj", latin[entries[i]..]);
    }

    [Fact]
    public void Long_words_and_remarks_wrap_instead_of_being_cut()
    {
        var lines = DigestPdf.Wrap("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen und noch ein paar Wörter", 80, false);
        Assert.True(lines.Count > 2);
        Assert.Equal("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen und noch ein paar Wörter".Replace(" ", ""),
            string.Concat(lines).Replace(" ", ""));
        Assert.All(lines, l => Assert.True(DigestPdf.TextWidth(l, 8.5, false) <= 80));
    }
}
