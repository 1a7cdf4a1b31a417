namespace TeamsAmdl.Filing.Documents;

/// <summary>The sender on every document (Filing:JobcenterName, Filing:JobcenterOrt, Filing:JobcenterAnschrift).</summary>
public sealed record JobcenterInfo(string Name, string Ort, string Anschrift)
{
    public static readonly JobcenterInfo Musterstadt = new("Jobcenter Musterstadt", "Musterstadt", "Musterstraße 1, 12345 Musterstadt");
}

/// <summary>A generated document, ready to file (<see cref="ToFilingDocument"/>).</summary>
public sealed record RenderedDocument(BinaryData Content, string ContentType, FilingTarget Target)
{
    /// <summary>Drafts a person edits (the Mängelschreiben); records are PDF/A (<see cref="Pdf.PdfLayout.ContentType"/>).</summary>
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public FilingDocument ToFilingDocument() => new(Target, Content, ContentType);
}

internal static class German
{
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", Culture);

    public static string Month(int month) => Culture.DateTimeFormat.GetMonthName(month);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", Culture) + " %";

    public static string Number(double value, string format = "0.0") => value.ToString(format, Culture);
}
