namespace TeamsAmdl.Storage;

/// <summary>A fully buffered download.</summary>
public class BlobDownloadResult
{
    public BinaryData Content { get; init; } = BinaryData.Empty;
    public BlobDownloadDetails Details { get; init; } = new();
}
