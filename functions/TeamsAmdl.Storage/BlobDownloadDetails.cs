using Azure;

namespace TeamsAmdl.Storage;

public class BlobDownloadDetails
{
    public string? ContentType { get; init; }
    public long ContentLength { get; init; }
    public string? ContentEncoding { get; init; }
    public byte[]? ContentHash { get; init; }
    public ETag ETag { get; init; }
    public DateTimeOffset LastModified { get; init; }
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
