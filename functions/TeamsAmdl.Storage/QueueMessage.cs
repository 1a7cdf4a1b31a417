namespace TeamsAmdl.Storage;

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>; delete it with its <see cref="PopReceipt"/>.</summary>
public class QueueMessage
{
    public string MessageId { get; init; } = "";
    public string PopReceipt { get; init; } = "";
    public long DequeueCount { get; init; }
    public BinaryData Body { get; init; } = BinaryData.Empty;

    /// <summary>The body as text (no decoding: callers that want Base64 encode themselves, as with the v12 SDK's default).</summary>
    public string MessageText => Body.ToString();

    public DateTimeOffset? InsertedOn { get; init; }
    public DateTimeOffset? ExpiresOn { get; init; }
    public DateTimeOffset? NextVisibleOn { get; init; }
}
