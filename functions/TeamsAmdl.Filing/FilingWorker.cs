using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Filing;

/// <summary>
/// Files <see cref="FilingOutbox"/> jobs into the <see cref="IDocumentLibrary"/>. Per queue message: load the job
/// row; Filed/Parked → drop the message; leased by another attempt → come back when the lease ends; otherwise claim
/// it (attempt id, lease, attempt count, under the row's ETag) and file it:
/// <list type="number">
/// <item>read the document from blob storage and check its SHA-256;</item>
/// <item>create missing folders;</item>
/// <item>look at the file at the target path: if it already has this content (QuickXorHash and size), a previous
/// attempt uploaded it before dying, and it is not uploaded again; else upload (PUT, or an upload session above
/// <see cref="FilingOptions.SimpleUploadMaxBytes"/>) — over an existing file this makes a new version;</item>
/// <item>record the item id on the row, set the list item's columns, mark the row Filed, delete the message.</item>
/// </list>
/// Transient failures (429, 5xx, no response; after the Graph SDK's own retries) release the lease and hide the
/// message for Retry-After or a backoff; permanent ones (403, 404, …) and the last of
/// <see cref="FilingOptions.MaxAttempts"/> park the job. Nothing is ever deleted: parked jobs stay listed.
/// </summary>
public sealed class FilingWorker
{
    private readonly FilingOutbox _outbox;
    private readonly IDocumentLibrary _library;
    private readonly FilingOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public FilingWorker(FilingOutbox outbox, IDocumentLibrary library, FilingOptions options, ILogger<FilingWorker>? logger = null,
        TimeProvider? timeProvider = null)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _library = library ?? throw new ArgumentNullException(nameof(library));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
            throw new ArgumentException("LeaseDuration must be at least one second.", nameof(options));
        _logger = logger ?? NullLogger<FilingWorker>.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    public IDocumentLibrary Library => _library;

    /// <summary>Polls until cancelled; waits longer (up to MaxPollInterval) while the queue is empty. Never throws but on cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var idle = _options.PollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
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
                _logger.LogError(ex, "E-Akte: Abruf der Ablage-Warteschlange fehlgeschlagen; neuer Versuch in {Delay}.", idle);
                received = 0;
            }
            if (received > 0)
            {
                idle = _options.PollInterval;
                continue;
            }
            try
            {
                await Task.Delay(idle, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    /// <summary>Works the queue until it returns nothing or <paramref name="budget"/> has passed (the timer function). Returns messages handled.</summary>
    public async Task<int> DrainAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() + budget;
        var total = 0;
        while (_time.GetUtcNow() < until)
        {
            var n = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Receives up to <see cref="FilingOptions.MaxConcurrency"/> messages and handles them; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var concurrency = Math.Clamp(_options.MaxConcurrency, 1, 32);
        var messages = (await _outbox.Queue.ReceiveMessagesAsync(concurrency, QueueMessageLease.WholeSeconds(_options.LeaseDuration), cancellationToken).ConfigureAwait(false)).Value;
        if (messages.Length == 0) return 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (message, ct) => await ProcessAsync(FilingOutbox.FromQueueText(message.MessageText), message.MessageText,
                QueueSettlement.Polled(_outbox.Queue, message, time: _time), ct).ConfigureAwait(false)).ConfigureAwait(false);
        return messages.Length;
    }

    /// <summary>
    /// Handles one queue message the Functions host received ([QueueTrigger] on the filing queue; the host deletes it
    /// when this returns and retries it when this throws). The same state machine as polling: "not yet" (Retry-After,
    /// backoff, another attempt's live lease, an outcome still unknown) sends the job's message again, visible after
    /// the delay, and returns <see cref="QueueDisposition.Retry"/>; everything else returns
    /// <see cref="QueueDisposition.Complete"/>. Either way the function just returns. Parking counts the attempts on
    /// the job row, so it holds across re-sent messages.
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
        var jobId = FilingOutbox.FromQueueText(messageText);
        var settlement = QueueSettlement.Triggered(_outbox.Queue, messageId, carried: 0, dequeueCount, _options.LeaseDuration,
            _ => FilingOutbox.ToQueueText(jobId!), _time);
        await ProcessAsync(jobId, messageText, settlement, cancellationToken).ConfigureAwait(false);
        return await settlement.FinishAsync().ConfigureAwait(false);
    }

    private async Task ProcessAsync(string? jobId, string messageText, QueueSettlement message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(jobId))
        {
            _logger.LogWarning("E-Akte: unlesbare Nachricht {MessageId} verworfen: {Text}", message.MessageId, JobRow.Truncate(messageText, 200));
            await message.CompleteAsync().ConfigureAwait(false);
            return;
        }

        // Claim the job: read the row, decide, mark it ours under its ETag. Changed meanwhile (enqueuer's stamp, another
        // worker): read and decide again. Null when the message was dealt with without a claim.
        var claimed = await Optimistic.RetryAsync<(TableEntity Row, Claim Claim)?>(async ct =>
        {
            var row = await _outbox.LoadRowAsync(jobId, ct).ConfigureAwait(false);
            if (row is null || JobRow.GetStatus(row) is FilingStatus.Filed or FilingStatus.Parked)
            {
                await message.CompleteAsync().ConfigureAwait(false);
                return null;
            }
            var now = _time.GetUtcNow();
            if (row.GetDateTimeOffset(JobRow.LeaseUntil) is { } lease && lease > now)
            {
                // Another attempt owns the job (a second queue message, or a worker still uploading): look again after its lease.
                await message.RetryAfterAsync(lease - now + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                return null;
            }
            var attempts = row.GetInt32(JobRow.Attempts) ?? 0;
            if (attempts >= _options.MaxAttempts)
            {
                await ParkAsync(row, claim: null, "MaxAttempts",
                    $"Nach {attempts} Versuchen geparkt. Letzter Fehler: {row.GetString(JobRow.LastError) ?? "unbekannt"}", row.GetInt32(JobRow.LastHttpStatus),
                    message).ConfigureAwait(false);
                return null;
            }

            var claim = new Claim(jobId, Guid.NewGuid().ToString("N"), row.ETag, attempts + 1);
            var patch = JobRow.Patch(row);
            patch[JobRow.AttemptId] = claim.AttemptId;
            patch[JobRow.LeaseUntil] = now + _options.LeaseDuration;
            patch[JobRow.Attempts] = claim.Attempt;
            patch[JobRow.LastAttemptAt] = now;
            var updated = await _outbox.Table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
            claim.ETag = updated.Headers.ETag ?? ETag.All;
            return (row, claim);
        }, maxAttempts: 6, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (claimed is { } c)
            await FileAsync(c.Row, c.Claim, message, cancellationToken).ConfigureAwait(false);
    }

    private async Task FileAsync(TableEntity row, Claim claim, QueueSettlement message, CancellationToken cancellationToken)
    {
        var path = row.GetString(JobRow.Path)!;
        // The attempt ends shortly before its lease, so it never overlaps a successor.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, _options.LeaseDuration.Ticks / 10));
        deadline.CancelAfter(_options.LeaseDuration - margin);
        var ct = deadline.Token;
        try
        {
            BinaryData? content;
            try
            {
                content = await _outbox.LoadContentAsync(row.GetString(JobRow.ContentHash)!, ct).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                await ParkAsync(row, claim, "DocumentCorrupt", ex.Message, null, message).ConfigureAwait(false);
                return;
            }
            if (content is null)
            {
                await ParkAsync(row, claim, "DocumentMissing", $"Das gespeicherte Dokument (SHA-256 {row.GetString(JobRow.ContentHash)}) fehlt im Blob-Speicher.",
                    null, message).ConfigureAwait(false);
                return;
            }

            LibraryFile file;
            if (row.GetString(JobRow.ItemId) is { Length: > 0 } itemId && row.GetDateTimeOffset(JobRow.UploadedAt) is not null)
            {
                // An earlier attempt uploaded and recorded it; only the columns (and Filed) are missing.
                file = new LibraryFile(itemId, content.ToMemory().Length, row.GetString(JobRow.QuickXorHash), row.GetString(JobRow.WebUrl), row.GetString(JobRow.UploadMethod));
            }
            else
            {
                var folderPath = row.GetString(JobRow.Folder)!;
                var folderId = await _library.EnsureFolderAsync(folderPath.Split('/'), ct).ConfigureAwait(false);
                var existing = await _library.GetFileAsync(path, ct).ConfigureAwait(false);
                if (existing is not null && existing.Size == content.ToMemory().Length && existing.QuickXorHash == row.GetString(JobRow.QuickXorHash))
                {
                    _logger.LogInformation("E-Akte: {Path} liegt mit diesem Inhalt schon vor (früherer Versuch); nicht erneut hochgeladen.", path);
                    file = existing with { UploadMethod = "vorhanden" };
                }
                else
                {
                    file = await _library.UploadAsync(folderId, folderPath, row.GetString(JobRow.FileName)!, content, ct).ConfigureAwait(false);
                }
                var uploaded = JobRow.Patch(row);
                uploaded[JobRow.ItemId] = file.Id;
                uploaded[JobRow.WebUrl] = file.WebUrl ?? "";
                uploaded[JobRow.UploadMethod] = file.UploadMethod ?? "";
                uploaded[JobRow.UploadedAt] = _time.GetUtcNow();
                if (!await CompleteAsync(claim, uploaded).ConfigureAwait(false))
                    return;
            }

            await _library.SetFieldsAsync(file, new Dictionary<string, string>
            {
                [_options.FieldKategorie] = row.GetString(JobRow.Kategorie) ?? "",
                [_options.FieldMassnahmenummer] = row.GetString(JobRow.Massnahmenummer) ?? "",
                [_options.FieldTraeger] = row.GetString(JobRow.Traeger) ?? "",
                [_options.FieldDokumentart] = row.GetString(JobRow.Dokumentart) ?? "",
            }, ct).ConfigureAwait(false);

            var filed = JobRow.Patch(row);
            var now = _time.GetUtcNow();
            filed[JobRow.Status] = nameof(FilingStatus.Filed);
            filed[JobRow.FiledAt] = now;
            filed[JobRow.LeaseUntil] = now;
            if (await CompleteAsync(claim, filed).ConfigureAwait(false))
            {
                _logger.LogInformation("E-Akte: {Path} abgelegt ({Method}, Versuch {Attempt}).", path, file.UploadMethod, claim.Attempt);
                await message.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (LibraryException ex)
        {
            await HandleFailureAsync(row, claim, ex, message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: give the job back at once instead of waiting for the lease.
            await ReleaseAsync(row, claim, message, TimeSpan.Zero, "Cancelled", "Abgebrochen, weil der Dienst beendet wurde.", null).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            await HandleFailureAsync(row, claim, new LibraryException(0, "Timeout",
                $"Die Ablage dauerte länger als die Lease ({_options.LeaseDuration}).", null, ex), message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
        {
            _logger.LogWarning(ex, "E-Akte: {Path}: Speicherfehler während der Ablage.", path);
            await HandleFailureAsync(row, claim, new LibraryException(0, "Storage", ex.Message, null, ex), message).ConfigureAwait(false);
        }
    }

    private async Task HandleFailureAsync(TableEntity row, Claim claim, LibraryException ex, QueueSettlement message)
    {
        var path = row.GetString(JobRow.Path);
        var what = ex.Status == 0 ? ex.Code : $"HTTP {ex.Status} {ex.Code}";
        if (ex.IsPermanent)
        {
            _logger.LogWarning("E-Akte: {Path} geparkt: dauerhaft abgelehnt ({What}): {Error}", path, what, ex.Message);
            await ParkAsync(row, claim, ex.Code, $"Dauerhaft abgelehnt ({what}): {ex.Message}", ex.Status, message).ConfigureAwait(false);
            return;
        }
        if (claim.Attempt >= _options.MaxAttempts)
        {
            _logger.LogWarning("E-Akte: {Path} nach {Attempts} Versuchen geparkt ({What}).", path, claim.Attempt, what);
            await ParkAsync(row, claim, ex.Code, $"Nach {claim.Attempt} Versuchen geparkt ({what}): {ex.Message}", ex.Status, message).ConfigureAwait(false);
            return;
        }
        var delay = ex.RetryAfter ?? QueueMessageLease.Backoff(_options.RetryDelay, _options.MaxRetryDelay, claim.Attempt);
        _logger.LogInformation("E-Akte: {Path} vorübergehend nicht abgelegt ({What}); Versuch {Attempt}, nächster in {Delay}.", path, what, claim.Attempt, delay);
        await ReleaseAsync(row, claim, message, delay, ex.Code, ex.Message, ex.Status).ConfigureAwait(false);
    }

    /// <summary>Back to the queue: lease ended, error noted, message hidden for <paramref name="delay"/>.</summary>
    private async Task ReleaseAsync(TableEntity row, Claim claim, QueueSettlement message, TimeSpan delay, string code, string error, int? httpStatus)
    {
        var now = _time.GetUtcNow();
        var patch = JobRow.Patch(row);
        patch[JobRow.LeaseUntil] = now;
        patch[JobRow.NextAttemptAt] = now + delay;
        patch[JobRow.LastErrorCode] = code;
        patch[JobRow.LastError] = JobRow.Truncate(error);
        if (httpStatus is { } s) patch[JobRow.LastHttpStatus] = s;
        if (await CompleteAsync(claim, patch).ConfigureAwait(false))
            await message.RetryAfterAsync(delay).ConfigureAwait(false);
    }

    /// <summary>Parks the job (final until someone requeues it) and deletes the message.</summary>
    private async Task ParkAsync(TableEntity row, Claim? claim, string code, string error, int? httpStatus, QueueSettlement message)
    {
        var now = _time.GetUtcNow();
        var patch = JobRow.Patch(row);
        patch[JobRow.Status] = nameof(FilingStatus.Parked);
        patch[JobRow.LeaseUntil] = now;
        patch[JobRow.LastErrorCode] = code;
        patch[JobRow.LastError] = JobRow.Truncate(error);
        if (httpStatus is { } s) patch[JobRow.LastHttpStatus] = s;
        bool written;
        if (claim is not null)
        {
            written = await CompleteAsync(claim, patch).ConfigureAwait(false);
        }
        else
        {
            try
            {
                await _outbox.Table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, CancellationToken.None).ConfigureAwait(false);
                written = true;
            }
            catch (RequestFailedException stale) when (stale.Status == 412)
            {
                written = false; // changed meanwhile; the message reappears and is judged again
            }
        }
        if (written)
            await message.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Writes under the claim. The ETag makes the write atomic; ownership is the attempt id: on 412 the row is read
    /// again and the write repeated while it still carries our attempt id. False if a later attempt took over.
    /// Ignores cancellation: a stopping host should rather record an upload than leave it unrecorded.
    /// </summary>
    private Task<bool> CompleteAsync(Claim claim, TableEntity patch) =>
        Optimistic.RetryAsync(async (attempt, ct) =>
        {
            if (attempt > 0)
            {
                var current = await _outbox.LoadRowAsync(claim.JobId, ct).ConfigureAwait(false);
                if (current is null || current.GetString(JobRow.AttemptId) != claim.AttemptId)
                {
                    _logger.LogWarning("E-Akte: Versuch {AttemptId} für {JobId} wurde von einem späteren abgelöst; sein Ergebnis wird verworfen.", claim.AttemptId, claim.JobId);
                    return false;
                }
                claim.ETag = current.ETag;
            }
            var response = await _outbox.Table.UpdateEntityAsync(patch, claim.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
            claim.ETag = response.Headers.ETag ?? ETag.All;
            return true;
        }, maxAttempts: 11, cancellationToken: CancellationToken.None);

    private sealed class Claim(string jobId, string attemptId, ETag etag, int attempt)
    {
        public string JobId { get; } = jobId;
        public string AttemptId { get; } = attemptId;
        public int Attempt { get; } = attempt;
        public ETag ETag { get; set; } = etag;
    }
}
