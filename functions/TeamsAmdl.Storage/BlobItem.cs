namespace TeamsAmdl.Storage;

/// <summary>One entry of a blob listing.</summary>
public class BlobItem
{
    public string Name { get; init; } = "";
    public BlobItemProperties Properties { get; init; } = new();

    /// <summary>Filled when listed with <see cref="BlobTraits.Metadata"/>.</summary>
    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
