using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsAmdl.Filing.Tests.Support;

/// <summary>Text extraction and page rendering for the golden tests: poppler-utils (pdftotext, pdftoppm) and
/// LibreOffice (soffice, DOCX → PDF), Debian packages that ./test.sh installs (ensure_office).</summary>
public static partial class DocumentTools
{
    public static async Task<string> PdfTextAsync(string pdf) => await RunAsync("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-");

    public static int PdfPages(string pdf)
    {
        var info = RunAsync("pdfinfo", pdf).GetAwaiter().GetResult();
        return int.Parse(PagesLine().Match(info).Groups[1].Value);
    }

    /// <summary>Paragraph texts of a DOCX: header, body (table cells one per line), footer; fields as {PAGE}/{NUMPAGES}.</summary>
    public static string DocxText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = word.MainDocumentPart!;
        var sb = new StringBuilder();
        foreach (var header in main.HeaderParts) Append(sb, header.Header!);
        Append(sb, main.Document.Body!);
        foreach (var footer in main.FooterParts) Append(sb, footer.Footer!);
        return sb.ToString();
    }

    /// <summary>Writes the first page as PNG (60 dpi) next to nothing else; returns the PNG path.</summary>
    public static async Task<string> FirstPagePngAsync(string pdf, string pngWithoutExtension)
    {
        await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, pngWithoutExtension);
        return pngWithoutExtension + ".png";
    }

    /// <summary>DOCX → PDF with LibreOffice (own profile, so parallel runs do not collide).</summary>
    public static async Task<string> DocxToPdfAsync(string docx, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), "teamsamdl-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync("soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docx);
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { }
        }
        return Path.Combine(outDir, Path.GetFileNameWithoutExtension(docx) + ".pdf");
    }

    /// <summary>Whitespace runs collapsed: line breaks from wrapping do not matter, the words and their order do.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["HOME"] = Path.GetTempPath();
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} not found: run ./test.sh, which installs poppler-utils and libreoffice-writer-nogui (infra/local/dev-env.sh ensure_office).");
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await p.WaitForExitAsync(cts.Token);
            if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} exited {p.ExitCode}: {await stderr}");
            return await stdout;
        }
    }

    private static void Append(StringBuilder sb, DocumentFormat.OpenXml.OpenXmlElement root)
    {
        foreach (var paragraph in root.Descendants<Paragraph>())
        {
            var line = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case SimpleField field:
                        line.Append('{').Append(field.Instruction!.Value!.Trim()).Append('}');
                        break;
                    case TabChar:
                        line.Append('\t');
                        break;
                    case Text text when !text.Ancestors<SimpleField>().Any():
                        line.Append(text.Text);
                        break;
                }
            }
            sb.AppendLine(line.ToString());
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
