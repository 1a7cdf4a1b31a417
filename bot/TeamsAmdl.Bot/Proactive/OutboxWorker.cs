using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Bot;

/// <summary>
/// Delivers <see cref="Outbox"/> messages. Per queue message: load the status row; final (Sent/Failed/Parked) →
/// delete the queue message; Sending under a live lease → come back when it ends; otherwise resolve the user's
/// personal conversation (creating it if none is stored), claim the message (extend its visibility, then mark the
/// row Sending with a fresh attempt id and lease, guarded by the row's ETag), send, and record the outcome under the
/// ETag: Sent (activity id, conversation) or Failed (permanent connector error: 403, 404, …) and delete the queue
/// message, or back to Pending with the queue message hidden for Retry-After or a backoff (transient). After
/// <see cref="OutboxWorkerOptions.MaxDequeueCount"/> receives a message is Parked. A row found Sending with an expired
/// lease is in doubt: with an <see cref="IDeliveryReadBack"/> the worker looks into the chat for the message's
/// <see cref="DeliveryMarker"/> (found: Sent, nothing sent again; not found: sent now), otherwise it is handled per
/// <see cref="OutboxWorkerOptions.InDoubt"/>. Several workers (processes) may run against the same outbox.
/// </summary>
public sealed class OutboxWorker
{
    private readonly Outbox _outbox;
    private readonly ConversationReferenceStore _references;
    private readonly ConnectorClient _connector;
    private readonly OutboxWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IDeliveryReadBack? _readBack;

    /// <param name="readBack">Settles in-doubt messages by looking into the chat; null: <see cref="OutboxWorkerOptions.InDoubt"/> decides.</param>
    public OutboxWorker(Outbox outbox, ConversationReferenceStore references, ConnectorClient connector, OutboxWorkerOptions options,
        ILogger<OutboxWorker>? logger = null, TimeProvider? timeProvider = null, IDeliveryReadBack? readBack = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _outbox = outbox;
        _references = references;
        _connector = connector;
        _options = options;
        _logger = logger ?? NullLogger<OutboxWorker>.Instance;
        _time = timeProvider ?? outbox.Time;
        _readBack = readBack;
    }

    /// <summary>
    /// Receives up to <see cref="OutboxWorkerOptions.BatchSize"/> messages and processes them, at most
    /// <see cref="OutboxWorkerOptions.MaxConcurrency"/> at a time. Returns how many were received (0: none visible).
    /// A failure of one message is logged; the message reappears after the visibility timeout.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var received = (await _outbox.Queue.ReceiveMessagesAsync(_options.BatchSize, QueueMessageLease.WholeSeconds(_options.VisibilityTimeout), cancellationToken).ConfigureAwait(false)).Value;
        if (received.Length == 0)
            return 0;
        await Parallel.ForEachAsync(received,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (message, ct) =>
            {
                try
                {
                    var (messageKey, carried) = Outbox.FromQueueText(message.MessageText);
                    await ProcessAsync(messageKey, message.MessageText, QueueSettlement.Polled(_outbox.Queue, message, carried, _time), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    _logger.LogError(ex, "Outbox: Nachricht {MessageId} konnte nicht verarbeitet werden; sie wird nach Ablauf der Sichtbarkeitszeit erneut versucht.", message.MessageId);
                }
            }).ConfigureAwait(false);
        return received.Length;
    }

    /// <summary>
    /// Polls until cancelled: immediately again after a non-empty poll, else after a growing pause that ends early
    /// when this process queues a message into the same <see cref="Outbox"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = _options.PollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            var queued = _outbox.Queued; // read before polling, so nothing queued during the poll is missed
            int received;
            try
            {
                received = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Outbox: Abruf der Warteschlange fehlgeschlagen.");
                received = 0;
            }
            if (received > 0)
            {
                idle = _options.PollInterval;
                continue;
            }
            using (var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var delay = Task.Delay(idle, _time, pause.Token);
                var woken = await Task.WhenAny(delay, queued).ConfigureAwait(false) == queued;
                await pause.CancelAsync().ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                    return;
                idle = woken ? _options.PollInterval : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
            }
        }
    }

    /// <summary>
    /// Handles one queue message the Functions host received ([QueueTrigger] on the outbox queue; the host deletes it
    /// when this returns and retries it when this throws). The same state machine as polling: "not yet" (Retry-After,
    /// backoff, another attempt's live lease, an outcome still unknown) sends the payload again as a new message
    /// visible after the delay, carrying the receives so far, and returns <see cref="QueueDisposition.Retry"/>;
    /// everything else returns <see cref="QueueDisposition.Complete"/>. Either way the function just returns.
    /// </summary>
    /// <param name="messageText">The message as queued (plain UTF-8 JSON).</param>
    /// <param name="dequeueCount">The host's DequeueCount of this message (1 on its first receive).</param>
    public Task<QueueDisposition> HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken = default) =>
        HandleAsync(messageText, dequeueCount, messageId: null, cancellationToken);

    /// <inheritdoc cref="HandleAsync(string, long, CancellationToken)"/>
    public Task<QueueDisposition> HandleAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return HandleAsync(message.MessageText, message.DequeueCount, message.MessageId, cancellationToken);
    }

    private async Task<QueueDisposition> HandleAsync(string messageText, long dequeueCount, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var (messageKey, carried) = Outbox.FromQueueText(messageText);
        var settlement = QueueSettlement.Triggered(_outbox.Queue, messageId, carried, dequeueCount, _options.VisibilityTimeout,
            receives => Outbox.ToQueueText(messageKey!, receives), _time);
        await ProcessAsync(messageKey, messageText, settlement, cancellationToken).ConfigureAwait(false);
        return await settlement.FinishAsync().ConfigureAwait(false);
    }

    private async Task ProcessAsync(string? messageKey, string messageText, QueueSettlement message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(messageKey))
        {
            _logger.LogError("Outbox: unlesbare Warteschlangen-Nachricht {MessageId} wird verworfen: {Text}", message.MessageId, OutboxRow.Truncate(messageText, 200));
            await message.CompleteAsync().ConfigureAwait(false);
            return;
        }
        var (partitionKey, rowKey) = OutboxRow.Keys(messageKey);

        // Read the row, decide, claim it (Sending under its ETag). Anyone who changed the row since we read it makes
        // the claim (or the read-back's Sent) fail with 412: then read and decide again. Null: dealt with, no send.
        var claimed = await Optimistic.RetryAsync<Claimed?>(async cancellationToken =>
        {
            var row = await _outbox.LoadRowAsync(partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                _logger.LogError("Outbox: zu {MessageKey} gibt es keine Statuszeile; Warteschlangen-Nachricht verworfen.", messageKey);
                await message.CompleteAsync().ConfigureAwait(false);
                return null;
            }

            var status = OutboxRow.GetStatus(row);
            if (status is OutboxStatus.Sent or OutboxStatus.Failed or OutboxStatus.Parked)
            {
                await message.CompleteAsync().ConfigureAwait(false);
                return null;
            }

            var now = _time.GetUtcNow();
            var inDoubt = false;
            if (status == OutboxStatus.Sending)
            {
                if (row.GetDateTimeOffset(OutboxRow.LeaseUntil) is { } lease && lease > now)
                {
                    // A live attempt (another worker, or a duplicate queue message) owns it: look again when its lease ends.
                    await message.RetryAfterAsync(lease - now).ConfigureAwait(false);
                    return null;
                }
                inDoubt = true;
            }

            if (message.Receives > _options.MaxDequeueCount)
            {
                await FinishUnclaimedAsync(row, OutboxStatus.Parked, inDoubt ? "InDoubt" : "MaxAttempts",
                    $"Nach {message.Receives - 1} Abrufen ohne Ergebnis geparkt{(inDoubt ? "; ob der letzte Versuch zugestellt wurde, ist unbekannt" : "")}.",
                    null, message).ConfigureAwait(false);
                return null;
            }

            Activity activity;
            try
            {
                activity = OutboxRow.GetActivity(row);
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                await FinishUnclaimedAsync(row, OutboxStatus.Failed, "InvalidActivity", ex.Message, null, message).ConfigureAwait(false);
                return null;
            }
            // Every attempt's card carries the message's marker, so a later read-back can find it in the chat.
            var marker = DeliveryMarker.For(messageKey);
            var canReadBack = DeliveryMarker.TryStamp(activity, marker, out activity) && _readBack is not null;

            if (inDoubt && !canReadBack && _options.InDoubt == InDoubtPolicy.Park)
            {
                _logger.LogWarning("Outbox: Zustellung von {MessageKey} ungewiss (Versuch {AttemptId} ohne Ergebnis); geparkt.", messageKey, row.GetString(OutboxRow.AttemptId));
                await FinishUnclaimedAsync(row, OutboxStatus.Parked, "InDoubt",
                    $"Versuch {row.GetString(OutboxRow.AttemptId)} endete ohne Ergebnis; ob er zugestellt wurde, ist unbekannt. Prüfen und ggf. erneut einreihen.",
                    null, message).ConfigureAwait(false);
                return null;
            }

            // Resolve (or create) the personal conversation before claiming: creating a 1:1 chat is idempotent on
            // the Teams side, so only the send itself is inside the in-doubt window.
            Target target;
            try
            {
                target = await ResolveAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException ex)
            {
                await HandleConnectorFailureAsync(row, claim: null, ex, message).ConfigureAwait(false);
                return null;
            }

            var readBackMiss = false;
            if (inDoubt && canReadBack)
            {
                switch (await ReadBackAsync(row, target, marker, message, cancellationToken).ConfigureAwait(false))
                {
                    case ReadBackOutcome.Settled:
                        return null;
                    case ReadBackOutcome.NotDelivered:
                        readBackMiss = true;
                        break;
                }
            }

            // Claim. 1) Extend the queue message: fails (404) if our pop receipt is stale, i.e. another worker has
            // received the message meanwhile. 2) Mark the row Sending under its ETag: fails (412) if anyone changed it
            // since we read it; then read again and decide again.
            var leaseStart = _time.GetUtcNow();
            var leaseClock = _time.GetTimestamp(); // monotonic: a wall-clock step must not cut the send short
            if (!await message.TryExtendAsync(_options.VisibilityTimeout, cancellationToken).ConfigureAwait(false))
                return null; // another worker owns the queue message now
            var attemptId = Guid.NewGuid().ToString("N");
            var sending = OutboxRow.Patch(row);
            sending[OutboxRow.Status] = nameof(OutboxStatus.Sending);
            sending[OutboxRow.AttemptId] = attemptId;
            sending[OutboxRow.LeaseUntil] = leaseStart + _options.VisibilityTimeout;
            sending[OutboxRow.Attempts] = (row.GetInt32(OutboxRow.Attempts) ?? 0) + 1;
            sending[OutboxRow.LastAttemptAt] = leaseStart;
            if (readBackMiss)
                sending[OutboxRow.InDoubtReadBacks] = (row.GetInt32(OutboxRow.InDoubtReadBacks) ?? 0) + 1;
            else if (inDoubt)
                sending[OutboxRow.InDoubtResends] = (row.GetInt32(OutboxRow.InDoubtResends) ?? 0) + 1;
            var updated = await _outbox.Table.UpdateEntityAsync(sending, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            var etag = updated.Headers.ETag ?? ETag.All;
            if (inDoubt && !readBackMiss)
                _logger.LogWarning("Outbox: Zustellung von {MessageKey} ungewiss (Versuch {Previous} ohne Ergebnis); sende erneut als {AttemptId} — möglicherweise doppelt.",
                    messageKey, row.GetString(OutboxRow.AttemptId), attemptId);
            return new Claimed(row, new Claim(partitionKey, rowKey, attemptId, etag), target, activity, leaseClock);
        }, maxAttempts: 6, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (claimed is not null)
            await SendAsync(claimed, message, messageKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends under the claim and records the outcome.</summary>
    private async Task SendAsync(Claimed claimed, QueueSettlement message, string messageKey, CancellationToken cancellationToken)
    {
        var (row, claim, target, activity, leaseClock) = claimed;

        // Send, cancelled shortly before the lease ends so an overlong call cannot overlap a successor attempt.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, _options.VisibilityTimeout.Ticks / 10));
        var remaining = _options.VisibilityTimeout - margin - _time.GetElapsedTime(leaseClock);
        deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        ResourceResponse sent;
        try
        {
            sent = await _connector.SendToConversationAsync(target.ServiceUrl, target.ConversationId, activity, deadline.Token).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            await HandleConnectorFailureAsync(row, claim, ex, message).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Outcome unknown; the row stays Sending and is in doubt once the lease has ended.
            _logger.LogWarning("Outbox: Senden von {MessageKey} überschritt die Lease ({Lease}); Ergebnis unbekannt.", messageKey, _options.VisibilityTimeout);
            return;
        }
        // Any other exception (or the caller's cancellation) leaves the row Sending as well: same as a crash here.

        // The in-doubt window closes with this write. It does not observe cancellation: a stopping host should
        // rather record the delivery than leave it in doubt.
        var done = OutboxRow.Patch(row);
        var completedAt = _time.GetUtcNow();
        done[OutboxRow.Status] = nameof(OutboxStatus.Sent);
        done[OutboxRow.ActivityId] = sent.Id ?? "";
        done[OutboxRow.ServiceUrl] = target.ServiceUrl;
        done[OutboxRow.ConversationId] = target.ConversationId;
        done[OutboxRow.SentAt] = completedAt;
        done[OutboxRow.CompletedAt] = completedAt;
        if (await CompleteAsync(claim, done).ConfigureAwait(false))
            await message.CompleteAsync().ConfigureAwait(false);
    }

    private enum ReadBackOutcome { Settled, NotDelivered }

    /// <summary>
    /// Looks into the recipient's chat for the in-doubt message. Found: Sent with the chat's message id (the queue
    /// message is deleted). Not found: the caller sends it (no earlier attempt arrived, so this is no duplicate). The
    /// chat cannot be asked: the row stays in doubt and the message comes back after a backoff.
    /// </summary>
    private async Task<ReadBackOutcome> ReadBackAsync(TableEntity row, Target target, string marker, QueueSettlement message,
        CancellationToken cancellationToken)
    {
        var messageKey = row.GetString(OutboxRow.MessageKey);
        var firstPossible = row.GetDateTimeOffset(OutboxRow.EnqueuedAt) ?? row.GetDateTimeOffset(OutboxRow.LastAttemptAt) ?? _time.GetUtcNow();
        var lookup = new DeliveryLookup(row.GetString(OutboxRow.TenantId)!, row.GetString(OutboxRow.Recipient)!, target.ServiceUrl,
            target.ConversationId, marker, firstPossible - _options.ReadBackClockSkew);
        string? found;
        try
        {
            found = await _readBack!.FindAsync(lookup, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var delay = QueueMessageLease.Backoff(_options.RetryDelay, _options.MaxRetryDelay, message.Receives);
            _logger.LogWarning(ex, "Outbox: Zustellung von {MessageKey} ungewiss und Rücklesen fehlgeschlagen; neuer Versuch in {Delay}.", messageKey, delay);
            var failed = OutboxRow.Patch(row);
            failed[OutboxRow.LastErrorCode] = "ReadBackFailed";
            failed[OutboxRow.LastError] = OutboxRow.Truncate("Rücklesen fehlgeschlagen: " + ex.Message);
            await TryUpdateAsync(failed, row.ETag).ConfigureAwait(false);
            await message.RetryAfterAsync(delay).ConfigureAwait(false);
            return ReadBackOutcome.Settled;
        }
        if (found is null)
        {
            _logger.LogInformation("Outbox: {MessageKey} war ungewiss; im Chat nicht vorhanden, wird jetzt gesendet.", messageKey);
            return ReadBackOutcome.NotDelivered;
        }

        var done = OutboxRow.Patch(row);
        var now = _time.GetUtcNow();
        done[OutboxRow.Status] = nameof(OutboxStatus.Sent);
        done[OutboxRow.ActivityId] = found;
        done[OutboxRow.ServiceUrl] = target.ServiceUrl;
        done[OutboxRow.ConversationId] = target.ConversationId;
        done[OutboxRow.SentAt] = row.GetDateTimeOffset(OutboxRow.LastAttemptAt) ?? now;
        done[OutboxRow.CompletedAt] = now;
        done[OutboxRow.InDoubtReadBacks] = (row.GetInt32(OutboxRow.InDoubtReadBacks) ?? 0) + 1;
        done[OutboxRow.FoundByReadBack] = true;
        // A 412 (the row changed meanwhile) goes to the caller's Optimistic retry: read and decide again.
        await _outbox.Table.UpdateEntityAsync(done, row.ETag, TableUpdateMode.Merge, CancellationToken.None).ConfigureAwait(false);
        _logger.LogInformation("Outbox: {MessageKey} war ungewiss; im Chat gefunden ({ActivityId}), nicht erneut gesendet.", messageKey, found);
        await message.CompleteAsync().ConfigureAwait(false);
        return ReadBackOutcome.Settled;
    }

    private async Task<Target> ResolveAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var tenantId = row.GetString(OutboxRow.TenantId)!;
        var aadObjectId = row.GetString(OutboxRow.Recipient)!;
        var reference = await _references.GetUserAsync(tenantId, aadObjectId, cancellationToken).ConfigureAwait(false);
        var serviceUrl = string.IsNullOrEmpty(reference?.ServiceUrl) ? _options.ServiceUrl : reference.ServiceUrl;
        if (!string.IsNullOrEmpty(reference?.ConversationId))
            return new Target(serviceUrl, reference.ConversationId);

        var botId = string.IsNullOrEmpty(reference?.BotId) ? _options.BotId : reference.BotId;
        var created = await _connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = string.IsNullOrEmpty(reference?.UserId) ? aadObjectId : reference.UserId, AadObjectId = aadObjectId }],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }),
        }, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
            throw new ConnectorException(0, "NoConversationId", "Die Antwort auf das Anlegen des Chats enthielt keine Konversations-ID.");
        var createdServiceUrl = string.IsNullOrEmpty(created.ServiceUrl) ? serviceUrl : created.ServiceUrl;
        await _references.SaveUserConversationAsync(tenantId, aadObjectId, createdServiceUrl, created.Id, botId, _options.ChannelId, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Outbox: persönlicher Chat {ConversationId} für {AadObjectId} angelegt.", created.Id, aadObjectId);
        return new Target(createdServiceUrl, created.Id);
    }

    private async Task HandleConnectorFailureAsync(TableEntity row, Claim? claim, ConnectorException ex, QueueSettlement message)
    {
        var messageKey = row.GetString(OutboxRow.MessageKey);
        var code = ex.ErrorCode ?? (ex.Status == 0 ? "Unreachable" : $"HTTP {ex.Status}");
        if (ex.IsPermanent)
        {
            _logger.LogWarning("Outbox: {MessageKey} endgültig abgelehnt ({Code}): {Error}", messageKey, code, ex.Message);
            await FinishAsync(row, claim, OutboxStatus.Failed, code, ex.Message, ex.Status, message).ConfigureAwait(false);
            return;
        }
        if (message.Receives >= _options.MaxDequeueCount)
        {
            _logger.LogWarning("Outbox: {MessageKey} nach {Count} Versuchen geparkt ({Code}).", messageKey, message.Receives, code);
            await FinishAsync(row, claim, OutboxStatus.Parked, code, $"Nach {message.Receives} Versuchen geparkt: {ex.Message}", ex.Status, message).ConfigureAwait(false);
            return;
        }

        // Transient: 429 (Retry-After beyond what the client waits itself), 5xx/408/412 or no response after the
        // client's own retries. Treated as not delivered: back to Pending, and the message reappears later.
        var delay = ex.RetryAfter ?? QueueMessageLease.Backoff(_options.RetryDelay, _options.MaxRetryDelay, message.Receives);
        var patch = OutboxRow.Patch(row);
        if (claim is not null)
            patch[OutboxRow.Status] = nameof(OutboxStatus.Pending);
        patch[OutboxRow.LastErrorCode] = code;
        patch[OutboxRow.LastError] = OutboxRow.Truncate(ex.Message);
        patch[OutboxRow.LastHttpStatus] = ex.Status;
        if (claim is null)
            await TryUpdateAsync(patch, row.ETag).ConfigureAwait(false);
        else if (!await CompleteAsync(claim, patch).ConfigureAwait(false))
            return;
        _logger.LogInformation("Outbox: {MessageKey} vorübergehend nicht zustellbar ({Code}); neuer Versuch in {Delay}.", messageKey, code, delay);
        await message.RetryAfterAsync(delay).ConfigureAwait(false);
    }

    private Task FinishUnclaimedAsync(TableEntity row, OutboxStatus status, string code, string error, int? httpStatus, QueueSettlement message) =>
        FinishAsync(row, claim: null, status, code, error, httpStatus, message);

    /// <summary>Writes a final status (Failed/Parked) and deletes the queue message.</summary>
    private async Task FinishAsync(TableEntity row, Claim? claim, OutboxStatus status, string code, string error, int? httpStatus,
        QueueSettlement message)
    {
        var patch = OutboxRow.Patch(row);
        patch[OutboxRow.Status] = status.ToString();
        patch[OutboxRow.LastErrorCode] = code;
        patch[OutboxRow.LastError] = OutboxRow.Truncate(error);
        if (httpStatus is { } s) patch[OutboxRow.LastHttpStatus] = s;
        patch[OutboxRow.CompletedAt] = _time.GetUtcNow();
        var written = claim is null ? await TryUpdateAsync(patch, row.ETag).ConfigureAwait(false) : await CompleteAsync(claim, patch).ConfigureAwait(false);
        if (written)
            await message.CompleteAsync().ConfigureAwait(false);
        // else: someone changed the row meanwhile; the message reappears and is judged again.
    }

    /// <summary>
    /// Records the outcome of our attempt. The ETag only makes the write atomic; ownership is the attempt id: on 412
    /// (e.g. the enqueuer stamped QueuedAt) the row is read again and the write repeated while it still carries our
    /// attempt id. Returns false if another attempt took over (our lease had run out).
    /// </summary>
    private Task<bool> CompleteAsync(Claim claim, TableEntity patch)
    {
        var etag = claim.ETag;
        return Optimistic.RetryAsync(async (attempt, ct) =>
        {
            if (attempt > 0)
            {
                var current = await _outbox.LoadRowAsync(claim.PartitionKey, claim.RowKey, ct).ConfigureAwait(false);
                if (current is null || current.GetString(OutboxRow.AttemptId) != claim.AttemptId)
                {
                    _logger.LogWarning("Outbox: Versuch {AttemptId} für {RowKey} wurde von einem späteren abgelöst; sein Ergebnis wird nicht gespeichert.", claim.AttemptId, claim.RowKey);
                    return false;
                }
                etag = current.ETag;
            }
            await _outbox.Table.UpdateEntityAsync(patch, etag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
            return true;
        }, maxAttempts: 11, cancellationToken: CancellationToken.None);
    }

    private async Task<bool> TryUpdateAsync(TableEntity patch, ETag etag)
    {
        try
        {
            await _outbox.Table.UpdateEntityAsync(patch, etag, TableUpdateMode.Merge, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException stale) when (stale.Status == 412)
        {
            return false;
        }
    }

    private sealed record Target(string ServiceUrl, string ConversationId);

    private sealed record Claimed(TableEntity Row, Claim Claim, Target Target, Activity Activity, long LeaseClock);

    private sealed record Claim(string PartitionKey, string RowKey, string AttemptId, ETag ETag);
}
