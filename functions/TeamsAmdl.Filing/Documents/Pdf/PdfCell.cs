namespace TeamsAmdl.Filing.Documents.Pdf;

/// <summary>Background of a table cell.</summary>
public enum PdfFill
{
    None,
    /// <summary>Light red: something to look at ("auffällig", below the minimum).</summary>
    Attention,
    /// <summary>Light green: free places.</summary>
    Positive,
}

/// <summary>One column of a <see cref="PdfLayout.Table"/>: header text and width in points.</summary>
public sealed record PdfColumn(string Title, double Width, bool RightAligned = false);

/// <summary>One table cell; "\n" starts a new line inside it.</summary>
public sealed record PdfCell(string Text, bool Bold = false, PdfFill Fill = PdfFill.None)
{
    public static implicit operator PdfCell(string text) => new(text);
}

/// <summary>The document information (and PDF/A XMP metadata): title, author (the Jobcenter), subject, date.</summary>
public sealed record PdfInfo(string Title, string Author, string Subject, DateTimeOffset Created);
