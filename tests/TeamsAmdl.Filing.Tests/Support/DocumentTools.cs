using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TeamsAmdl.Filing.Tests.Support;

/// <summary>The DOCX side of the golden tests: paragraph text and LibreOffice (soffice, DOCX → PDF, a Debian package
/// that ./test.sh installs, ensure_office); PDFs are read with <see cref="TeamsAmdl.TestSupport.PdfTools"/>.</summary>
public static class DocumentTools
{
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
}
