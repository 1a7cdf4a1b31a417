using Azure;

namespace TeamsAmdl.Storage;

/// <summary>Result of an upload.</summary>
public class BlobContentInfo
{
    public ETag ETag { get; init; }
    public DateTimeOffset LastModified { get; init; }
    public byte[]? ContentHash { get; init; }
}
