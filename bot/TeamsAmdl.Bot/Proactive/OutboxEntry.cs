namespace TeamsAmdl.Bot;

/// <summary>
/// Delivery state of one outbox message. Pending → Sending → Sent; Failed (the connector refused it permanently),
/// Parked (gave up after too many attempts, or delivery in doubt under <see cref="InDoubtPolicy.Park"/>): both final,
/// kept for inspection; <see cref="Outbox.RequeueAsync"/> puts them back.
/// </summary>
public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Parked,
}

/// <summary>The status row of one outbox message (without the activity).</summary>
public sealed record OutboxEntry
{
    public required string MessageKey { get; init; }
    public required string TenantId { get; init; }
    public required string RecipientAadObjectId { get; init; }
    public OutboxStatus Status { get; init; }

    /// <summary>Sends started (Pending/in-doubt → Sending).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// How often a send was started again although an earlier attempt's outcome was unknown (its worker died between
    /// marking Sending and recording the result). Each may have produced a duplicate message.
    /// </summary>
    public int InDoubtResends { get; init; }

    /// <summary>
    /// In-doubt attempts settled by looking into the chat (<see cref="IDeliveryReadBack"/>): the message was either
    /// found there (<see cref="FoundByReadBack"/>, not sent again) or not (sent again, no duplicate).
    /// </summary>
    public int InDoubtReadBacks { get; init; }

    /// <summary>Sent was recorded from the chat's copy: the in-doubt attempt had arrived.</summary>
    public bool FoundByReadBack { get; init; }

    /// <summary>Id of the current/last send attempt (written with Sending).</summary>
    public string? AttemptId { get; init; }

    /// <summary>While Sending: until when the attempt owns the message.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    public DateTimeOffset? EnqueuedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ConversationId { get; init; }

    /// <summary>Id the connector gave the sent activity; <see cref="Outbox.UpdateSentAsync"/> replaces it.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The last error seen (also after a later success): connector error.code, "HTTP 503", "InDoubt", "MaxAttempts".</summary>
    public string? LastErrorCode { get; init; }

    public string? LastError { get; init; }
    public int? LastHttpStatus { get; init; }
    public DateTimeOffset? ActivityUpdatedAt { get; init; }
    public int ActivityUpdates { get; init; }
}
