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
