namespace TeamsAmdl.Storage;

/// <summary>Which blobs besides the current ones to list (only None is supported here).</summary>
[Flags]
public enum BlobStates
{
    None = 0,
}
