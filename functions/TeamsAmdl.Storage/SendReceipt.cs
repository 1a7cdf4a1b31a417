namespace TeamsAmdl.Storage;

/// <summary>What the service returns for a sent message.</summary>
public class SendReceipt
{
    public string MessageId { get; init; } = "";
    public string PopReceipt { get; init; } = "";
    public DateTimeOffset InsertionTime { get; init; }
    public DateTimeOffset ExpirationTime { get; init; }
    public DateTimeOffset TimeNextVisible { get; init; }
}
