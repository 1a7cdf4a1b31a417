namespace TeamsAmdl.Storage;

/// <summary>A message seen without dequeuing it (no pop receipt).</summary>
public class PeekedMessage
{
    public string MessageId { get; init; } = "";
    public long DequeueCount { get; init; }
    public BinaryData Body { get; init; } = BinaryData.Empty;
    public string MessageText => Body.ToString();
    public DateTimeOffset? InsertedOn { get; init; }
    public DateTimeOffset? ExpiresOn { get; init; }
}
