using PdfSharp.Fonts;

namespace TeamsAmdl.Filing.Documents.Pdf;

/// <summary>
/// PDFsharp on Linux sees no system fonts: every family resolves to Liberation Sans 2 (metric-compatible with Arial,
/// SIL OFL 1.1, shipped in this assembly with its licence), regular or bold. Registered once per process by
/// <see cref="Register"/>; PDFsharp embeds the used glyphs as a subset.
/// </summary>
internal sealed class LiberationFontResolver : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string Regular = "LiberationSans-Regular", Bold = "LiberationSans-Bold";
    private static readonly Lock Gate = new();

    public static void Register()
    {
        lock (Gate)
        {
            // PDFsharp accepts one resolver per process; another one set by the host is left alone.
            GlobalFontSettings.FontResolver ??= new LiberationFontResolver();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(LiberationFontResolver).Assembly.GetManifestResourceStream($"TeamsAmdl.Filing.Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
