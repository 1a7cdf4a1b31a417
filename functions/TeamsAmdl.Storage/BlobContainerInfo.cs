using Azure;

namespace TeamsAmdl.Storage;

/// <summary>Result of creating a container.</summary>
public class BlobContainerInfo
{
    public ETag ETag { get; init; }
    public DateTimeOffset LastModified { get; init; }
}
