namespace TeamsAmdl.Filing.Documents;

/// <summary>A received e-mail as the Outlook add-in files it (issue 18).</summary>
/// <param name="Body">The mail's plain-text body: it goes into this PDF in the e-Akte only, never into a table.</param>
public sealed record MailRecordInput(
    string Titel,
    string Absender,
    DateTimeOffset Eingegangen,
    IReadOnlyList<string> Anhaenge,
    string Body,
    FilingTarget Target);

/// <summary>
/// The PDF rendition of an e-mail filed next to its .eml (which stays the original): sender, date, subject and
/// attachment names as fields, then the plain-text body. Readable in the e-Akte without a mail program.
/// </summary>
public sealed class MailRecordRenderer(JobcenterInfo jobcenter)
{
    /// <summary>Longest body rendered; a longer one is cut with a note (the .eml beside it holds everything).</summary>
    public const int MaxBodyChars = 200_000;

    public RenderedDocument Render(MailRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.Eingegangen, BerlinZone).DateTime);
        var title = "E-Mail: " + input.Titel;
        var doc = RecordPdf.Start(jobcenter, title, date);
        doc.Fields(
        [
            ("Von", input.Absender),
            ("Eingegangen", German.Date(date) + " " + TimeZoneInfo.ConvertTime(input.Eingegangen, BerlinZone).ToString("HH:mm", German.Culture) + " Uhr"),
            ("Betreff", input.Titel),
            ("Anhänge", input.Anhaenge.Count == 0 ? "keine" : string.Join(", ", input.Anhaenge)),
        ]);
        doc.Heading("Inhalt");
        var body = input.Body.Length > MaxBodyChars ? input.Body[..MaxBodyChars] : input.Body;
        foreach (var paragraph in body.Replace("\r\n", "\n").Split("\n\n"))
            if (!string.IsNullOrWhiteSpace(paragraph))
                doc.Paragraph(string.Join(' ', paragraph.Split('\n', StringSplitOptions.TrimEntries)));
        if (body.Length < input.Body.Length)
            doc.Paragraph("[Gekürzt: den vollständigen Text enthält die E-Mail-Datei (.eml) daneben.]", bold: true);
        var content = RecordPdf.Finish(doc, jobcenter, title, $"Maßnahme {input.Target.Massnahmenummer}", date);
        return new RenderedDocument(content, Pdf.PdfLayout.ContentType, input.Target);
    }

    private static readonly TimeZoneInfo BerlinZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
