namespace TeamsAmdl.Storage;

/// <summary>Extra details to include when listing blobs.</summary>
[Flags]
public enum BlobTraits
{
    None = 0,
    Metadata = 2,
}
