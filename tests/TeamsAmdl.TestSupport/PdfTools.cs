using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TeamsAmdl.TestSupport;

/// <summary>
/// Reads PDFs the way a person's tools do, with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm; a Debian
/// package that ./test.sh installs): text in content order, page count, fonts, XMP metadata, a page as PNG.
/// </summary>
public static partial class PdfTools
{
    public static string Text(byte[] pdf) => WithFile(pdf, f => Run("pdftotext", "-raw", "-enc", "UTF-8", f, "-"));

    public static int Pages(byte[] pdf) => int.Parse(PagesLine().Match(Info(pdf)).Groups[1].Value);

    /// <summary>pdfinfo's summary: title, author, dates, pages, page size, PDF version.</summary>
    public static string Info(byte[] pdf) => WithFile(pdf, f => Run("pdfinfo", f));

    /// <summary>pdffonts' table: name, type, encoding, emb(edded), sub(set), uni(code map).</summary>
    public static string Fonts(byte[] pdf) => WithFile(pdf, f => Run("pdffonts", f));

    /// <summary>The XMP metadata stream (PDF/A identification lives there).</summary>
    public static string Metadata(byte[] pdf) => WithFile(pdf, f => Run("pdfinfo", "-meta", f));

    /// <summary>The first page as PNG (60 dpi) at <paramref name="pngWithoutExtension"/>.png; returns the path.</summary>
    public static string FirstPagePng(byte[] pdf, string pngWithoutExtension)
    {
        WithFile(pdf, f => Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", f, pngWithoutExtension));
        return pngWithoutExtension + ".png";
    }

    /// <summary>Whitespace runs collapsed: line breaks from wrapping do not matter, the words and their order do.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    private static string WithFile(byte[] pdf, Func<string, string> read)
    {
        var file = Path.Combine(Path.GetTempPath(), "teamsamdl-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} not found: run ./test.sh, which installs poppler-utils (infra/local/dev-env.sh ensure_office).");
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000)) throw new TimeoutException($"{tool} did not finish within 60 s.");
            if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} exited {p.ExitCode}: {stderr.Result}");
            // Poppler reads on past damage (a wrong xref offset, a broken stream) but says so: that is a failure here.
            if (stderr.Result.Contains("Error", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{tool} reported: {stderr.Result}");
            return stdout.Result;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
