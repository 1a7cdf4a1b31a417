namespace TeamsAmdl.Storage;

/// <summary>Anonymous read access of a new container (x-ms-blob-public-access); None keeps it private.</summary>
public enum PublicAccessType
{
    None = 0,
    BlobContainer = 1,
    Blob = 2,
}
