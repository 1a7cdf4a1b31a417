using TeamsAmdl.Bot;

namespace TeamsAmdl.Functions.Bot;

/// <summary>Request and response records of the bot's operator routes (api/outbox).</summary>
public static class BotContracts
{
    /// <summary>Body of POST api/outbox/requeue.</summary>
    public sealed record RequeueRequest(string? MessageKey);

    /// <summary>One outbox message as the operator sees it (no activity, no recipient).</summary>
    public sealed record OutboxMessageView(
        string MessageKey, string Status, int Attempts, int InDoubtResends, int InDoubtReadBacks, bool FoundByReadBack,
        DateTimeOffset? EnqueuedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? CompletedAt,
        string? LastErrorCode, string? LastError, int? LastHttpStatus);

    /// <summary>
    /// A queue message in outbox-poison: the host gave up on it after its function threw on every receive. Status is
    /// that of its outbox row (null: no row, or the text names no message).
    /// </summary>
    public sealed record PoisonedMessage(string QueueMessageId, DateTimeOffset? PoisonedAt, long DequeueCount, string? MessageKey, string? Status);

    /// <summary>Answer of POST api/outbox/poison/requeue: how many poison messages of the key were replaced by one fresh queue message.</summary>
    public sealed record PoisonRequeued(string MessageKey, int Removed);

    public static OutboxMessageView View(OutboxEntry e) => new(
        e.MessageKey, e.Status.ToString(), e.Attempts, e.InDoubtResends, e.InDoubtReadBacks, e.FoundByReadBack,
        e.EnqueuedAt, e.LastAttemptAt, e.SentAt, e.CompletedAt, e.LastErrorCode, e.LastError, e.LastHttpStatus);
}
