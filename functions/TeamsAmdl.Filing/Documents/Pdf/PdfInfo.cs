namespace TeamsAmdl.Filing.Documents.Pdf;

/// <summary>The document information (and PDF/A XMP metadata): title, author (the Jobcenter), subject, date.</summary>
public sealed record PdfInfo(string Title, string Author, string Subject, DateTimeOffset Created);
