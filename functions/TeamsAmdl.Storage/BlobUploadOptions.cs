namespace TeamsAmdl.Storage;

public class BlobUploadOptions
{
    public BlobHttpHeaders? HttpHeaders { get; set; }
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>E.g. IfNoneMatch = ETag.All to refuse overwriting (409 BlobAlreadyExists), IfMatch for optimistic concurrency (412).</summary>
    public BlobRequestConditions? Conditions { get; set; }
}
