namespace TeamsAmdl.Filing.Documents.Pdf;

/// <summary>One table cell; "\n" starts a new line inside it.</summary>
public sealed record PdfCell(string Text, bool Bold = false, PdfFill Fill = PdfFill.None)
{
    public static implicit operator PdfCell(string text) => new(text);
}
