namespace TeamsAmdl.Filing;

/// <summary>A document to file: its bytes, MIME type and target.</summary>
public sealed record FilingDocument(FilingTarget Target, BinaryData Content, string ContentType);

/// <summary>A document that cannot be filed as given (empty, too large, no target); the message is German.</summary>
public sealed class FilingRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>What <see cref="FilingOutbox.EnqueueAsync"/> did.</summary>
/// <param name="Created">False if the same content was already queued or filed for the same path (nothing new queued).</param>
public sealed record FilingReceipt(string JobId, string Path, string ContentHash, FilingStatus Status, bool Created);
