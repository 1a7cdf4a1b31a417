namespace TeamsAmdl.Filing.Documents.Pdf;

/// <summary>One column of a <see cref="PdfLayout.Table"/>: header text and width in points.</summary>
public sealed record PdfColumn(string Title, double Width, bool RightAligned = false);
