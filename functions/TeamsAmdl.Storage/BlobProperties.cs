using Azure;

namespace TeamsAmdl.Storage;

/// <summary>A blob's system properties and metadata (Get Blob Properties).</summary>
public class BlobProperties
{
    public long ContentLength { get; init; }
    public string? ContentType { get; init; }
    public string? ContentEncoding { get; init; }
    public byte[]? ContentHash { get; init; }
    public ETag ETag { get; init; }
    public DateTimeOffset LastModified { get; init; }
    public DateTimeOffset CreatedOn { get; init; }
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
