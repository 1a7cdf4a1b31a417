namespace TeamsAmdl.Storage;

/// <summary>Standard HTTP properties stored with a blob and returned on download.</summary>
public class BlobHttpHeaders
{
    public string? ContentType { get; set; }
    public string? ContentEncoding { get; set; }
    public string? ContentLanguage { get; set; }
    public string? ContentDisposition { get; set; }
    public string? CacheControl { get; set; }
}
