using Azure;

namespace TeamsAmdl.Storage;

public class BlobItemProperties
{
    public long? ContentLength { get; init; }
    public string? ContentType { get; init; }
    public string? ContentEncoding { get; init; }
    public byte[]? ContentHash { get; init; }

    /// <summary>Compares equal to <see cref="BlobProperties.ETag"/> and the upload's ETag.</summary>
    public ETag? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }
    public DateTimeOffset? CreatedOn { get; init; }
}
