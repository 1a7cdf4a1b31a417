namespace TeamsAmdl.Bot;

/// <summary>
/// One message of an outbox batch: <paramref name="Activity"/> to the personal chat of one user.
/// <paramref name="MessageKey"/> is the caller's idempotency key, unique per recipient and content version, e.g.
/// "alert:{measure}:{version}:{recipient}": a key the outbox has seen before is never sent again.
/// </summary>
public sealed record OutboundMessage(string MessageKey, string TenantId, string RecipientAadObjectId, Activity Activity);

/// <summary>What <see cref="Outbox.EnqueueAsync"/> did: keys newly queued, and keys it already had (not queued again).</summary>
public sealed record EnqueueResult(IReadOnlyList<string> Enqueued, IReadOnlyList<string> AlreadyPresent);
