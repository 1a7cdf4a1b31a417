using TeamsAmdl.Storage;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace TeamsAmdl.Filing;

/// <summary>
/// Durable filing outbox. <see cref="EnqueueAsync"/>: (1) the document goes into blob storage under its SHA-256
/// (<c>sha256/{hex}</c>, content-addressed, written once), (2) a job row (table FilingJobs, status Pending) is
/// inserted, (3) a queue message carrying the job id is sent. <see cref="FilingWorker"/> files the job. Each step
/// is safe to repeat, so a caller that failed half-way simply calls again.
/// </summary>
public sealed class FilingOutbox
{
    public const string DefaultTableName = "FilingJobs";
    public const string DefaultQueueName = "filing";
    public const string DefaultContainerName = "filing-documents";

    // Queue messages never expire on their own: a job must end Filed or Parked, not vanish after 7 days.
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    private readonly FilingOptions _options;
    private readonly TimeProvider _time;

    public FilingOutbox(TableClient jobs, QueueClient queue, BlobContainerClient documents, FilingOptions options, TimeProvider? timeProvider = null)
    {
        Table = jobs ?? throw new ArgumentNullException(nameof(jobs));
        Queue = queue ?? throw new ArgumentNullException(nameof(queue));
        Documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? TimeProvider.System;
    }

    internal TableClient Table { get; }
    public QueueClient Queue { get; }
    internal BlobContainerClient Documents { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Documents.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the document (not empty, at most <see cref="FilingOptions.MaxDocumentBytes"/>, complete target) and
    /// queues it. The same content for the same path is one job: asking again returns that job (Created = false)
    /// whatever its status. Changed content for the same path is a new job, filed as a new version of the file.
    /// Throws <see cref="FilingRejectedException"/> for bad input, before anything is written.
    /// </summary>
    public async Task<FilingReceipt> EnqueueAsync(FilingDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Target);
        var content = document.Content ?? BinaryData.Empty;
        var size = content.ToMemory().Length;
        if (size == 0)
            throw new FilingRejectedException("empty_document", $"Das Dokument „{document.Target.Titel}“ ist leer (0 Byte) und wird nicht abgelegt.");
        if (size > _options.MaxDocumentBytes)
            throw new FilingRejectedException("document_too_large",
                $"Das Dokument „{document.Target.Titel}“ ist {Megabytes(size)} groß; die e-Akte nimmt höchstens {Megabytes(_options.MaxDocumentBytes)} an.");
        var path = document.Target.Path(_options.MaxPathLength);

        var hash = Convert.ToHexString(SHA256.HashData(content.ToMemory().Span)).ToLowerInvariant();
        var jobId = JobId(path.FullPath, hash);

        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(jobId, JobRow.RowKeyValue, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.HasValue)
            return await ResumeAsync(existing.Value!, cancellationToken).ConfigureAwait(false);

        await StoreContentAsync(hash, content, document.ContentType, cancellationToken).ConfigureAwait(false);

        var now = _time.GetUtcNow();
        var target = document.Target;
        var row = new TableEntity(jobId, JobRow.RowKeyValue)
        {
            [JobRow.Status] = nameof(FilingStatus.Pending),
            [JobRow.Path] = path.FullPath,
            [JobRow.Folder] = path.Folder,
            [JobRow.FileName] = path.FileName,
            [JobRow.Traeger] = target.Traeger.Trim(),
            [JobRow.Massnahmenummer] = target.Massnahmenummer.Trim(),
            [JobRow.Kategorie] = target.Kategorie.DisplayName(),
            [JobRow.Dokumentart] = target.Dokumentart.Trim(),
            [JobRow.Titel] = JobRow.Truncate(target.Titel.Trim(), 1000),
            [JobRow.Datum] = SharePointNames.Date(target.Datum),
            [JobRow.ContentHash] = hash,
            [JobRow.QuickXorHash] = QuickXorHash.Compute(content.ToMemory().Span),
            [JobRow.Size] = (long)size,
            [JobRow.ContentType] = string.IsNullOrWhiteSpace(document.ContentType) ? "application/octet-stream" : document.ContentType,
            [JobRow.Attempts] = 0,
            [JobRow.EnqueuedAt] = now,
        };
        ETag etag;
        try
        {
            var added = await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            etag = added.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A concurrent caller inserted the same job a moment ago.
            var raced = await Table.GetEntityAsync<TableEntity>(jobId, JobRow.RowKeyValue, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await ResumeAsync(raced.Value, cancellationToken).ConfigureAwait(false);
        }

        await SendAndStampAsync(row, etag, cancellationToken).ConfigureAwait(false);
        return new FilingReceipt(jobId, path.FullPath, hash, FilingStatus.Pending, Created: true);
    }

    /// <summary>The job, or null.</summary>
    public async Task<FilingJob?> GetAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var row = await LoadRowAsync(jobId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : JobRow.ToJob(row);
    }

    /// <summary>The document of a job as it was queued (checked against its hash), or null when job or blob are gone.</summary>
    public async Task<BinaryData?> DocumentAsync(string jobId, CancellationToken cancellationToken = default) =>
        await GetAsync(jobId, cancellationToken).ConfigureAwait(false) is { } job
            ? await LoadContentAsync(job.ContentHash, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>All jobs, or those with <paramref name="status"/>, newest first (a table scan: for operators, the API and tests).</summary>
    public async Task<IReadOnlyList<FilingJob>> ListAsync(FilingStatus? status = null, CancellationToken cancellationToken = default)
    {
        var filter = status is { } s ? TableClient.CreateQueryFilter($"Status eq {s.ToString()}") : null;
        var list = new List<FilingJob>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(JobRow.ToJob(row));
        return list.OrderByDescending(j => j.EnqueuedAt).ToList();
    }

    /// <summary>One page of jobs (with <paramref name="status"/>, filtered on the service) in key order; null for a foreign continuation token.</summary>
    public async Task<TablePage<FilingJob>?> ListPageAsync(FilingStatus? status, int max, string? continuation, CancellationToken cancellationToken = default)
    {
        var filter = status is { } s ? TableClient.CreateQueryFilter($"Status eq {s.ToString()}") : null;
        var page = await TablePaging.ReadAsync<TableEntity>(Table, filter, max, continuation, ct: cancellationToken).ConfigureAwait(false);
        return page is null ? null : new TablePage<FilingJob>(page.Items.Select(JobRow.ToJob).ToList(), page.Continuation);
    }

    /// <summary>Puts a Parked job back to Pending with fresh attempts and queues it (after the cause was fixed). False if not Parked.</summary>
    public async Task<bool> RequeueAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var row = await LoadRowAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (row is null || JobRow.GetStatus(row) != FilingStatus.Parked)
            return false;
        var patch = JobRow.Patch(row);
        patch[JobRow.Status] = nameof(FilingStatus.Pending);
        patch[JobRow.Attempts] = 0;
        try
        {
            var updated = await Table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            await SendAndStampAsync(patch, updated.Headers.ETag ?? ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException stale) when (stale.Status == 412)
        {
            return false;
        }
    }

    internal async Task<TableEntity?> LoadRowAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(jobId, JobRow.RowKeyValue, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Reads a stored document and checks it against its hash; null if the blob is missing.</summary>
    internal async Task<BinaryData?> LoadContentAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Documents.GetBlobClient(BlobName(hash)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var content = download.Value.Content;
            var actual = Convert.ToHexString(SHA256.HashData(content.ToMemory().Span)).ToLowerInvariant();
            if (actual != hash)
                throw new InvalidDataException($"Gespeichertes Dokument {hash} ist beschädigt (SHA-256 {actual}).");
            return content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes the content-addressed blob; an existing blob of that name already holds these bytes.</summary>
    internal async Task StoreContentAsync(string hash, BinaryData content, string? contentType, CancellationToken cancellationToken)
    {
        try
        {
            await Documents.GetBlobClient(BlobName(hash)).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["sha256"] = hash },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Stored before (same hash, same bytes).
        }
    }

    internal static string BlobName(string hash) => "sha256/" + hash;

    internal static string JobId(string path, string contentHash) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path.ToUpperInvariant() + "\n" + contentHash))).ToLowerInvariant();

    internal static string ToQueueText(string jobId) => JsonSerializer.Serialize(new QueuePayload(jobId));

    internal static string? FromQueueText(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<QueuePayload>(text)?.J;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal Task SendQueueMessageAsync(string jobId, TimeSpan? delay, CancellationToken cancellationToken) =>
        Queue.SendMessageAsync(ToQueueText(jobId), visibilityTimeout: delay is { } d ? QueueMessageLease.WholeSeconds(d) : null, timeToLive: NeverExpire, cancellationToken: cancellationToken);

    /// <summary>An existing job: queue it again only if its queue message was never confirmed (the enqueuer died in between).</summary>
    private async Task<FilingReceipt> ResumeAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var status = JobRow.GetStatus(row);
        if (status == FilingStatus.Pending && row.GetDateTimeOffset(JobRow.QueuedAt) is null)
            await SendAndStampAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
        return new FilingReceipt(row.PartitionKey, row.GetString(JobRow.Path) ?? "", row.GetString(JobRow.ContentHash) ?? "", status, Created: false);
    }

    private async Task SendAndStampAsync(TableEntity row, ETag etag, CancellationToken cancellationToken)
    {
        await SendQueueMessageAsync(row.PartitionKey, null, cancellationToken).ConfigureAwait(false);
        var queued = JobRow.Patch(row);
        queued[JobRow.QueuedAt] = _time.GetUtcNow();
        try
        {
            // Conditional: if a worker touched the row already, the message evidently arrived; leave the row alone.
            await Table.UpdateEntityAsync(queued, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException stale) when (stale.Status == 412)
        {
        }
    }

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", System.Globalization.CultureInfo.GetCultureInfo("de-DE")) + " MB";

    private sealed record QueuePayload(string J);
}
