namespace TeamsAmdl.Storage;

/// <summary>After an update the message has a new pop receipt; the old one no longer deletes it.</summary>
public class UpdateReceipt
{
    public string PopReceipt { get; init; } = "";
    public DateTimeOffset NextVisibleOn { get; init; }
}
