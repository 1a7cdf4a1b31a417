using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Digest;

/// <summary>Where a digest went to in one channel.</summary>
public sealed record ChannelOutcome(string Id, string Name, string Status, string? Message);

/// <summary>A published digest (table Digests, PK "digest", RK publish id).</summary>
public sealed class DigestEntity : ITableEntity
{
    public const string Partition = "digest";
    public const string Publishing = "Publishing";
    public const string Published = "Published";

    public const string JobQueued = "Queued";
    public const string JobRunning = "Running";
    public const string JobDone = "Done";
    public const string JobFailed = "Failed";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Week { get; set; } = "";
    public string Status { get; set; } = Publishing;
    public string PublishedById { get; set; } = "";
    public string PublishedByName { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public int Measures { get; set; }
    public int Missing { get; set; }
    public int FreePlaces { get; set; }
    public int Parts { get; set; }
    public bool Condensed { get; set; }
    /// <summary>Targets as requested: channel conversation ids (JSON array), and the 1:1 groups.</summary>
    public string ChannelIds { get; set; } = "[]";
    public bool ToIfk { get; set; }
    public bool ToTeamleitung { get; set; }
    /// <summary>Week and targets the publish id was first used for (<see cref="Hosting.RequestFingerprint"/>); null on older rows.</summary>
    public string? RequestHash { get; set; }
    public int Recipients { get; set; }
    public int RecipientsWithoutTeams { get; set; }
    /// <summary>JSON array of <see cref="ChannelOutcome"/>.</summary>
    public string? ChannelResults { get; set; }
    /// <summary>The whole digest as PDF (history download).</summary>
    public string? DocumentBlob { get; set; }
    public string? DocumentName { get; set; }
    /// <summary>Maßnahmeinfo documents (one per measure) queued in the filing outbox for the e-Akte.</summary>
    public int FilingDocuments { get; set; }
    /// <summary>German messages of documents the e-Akte refused (JSON array), if any.</summary>
    public string? FilingProblems { get; set; }

    /// <summary>The publication job (<see cref="DigestPublishJob"/>): Queued, Running, Done, Failed; null on rows from before jobs (done).</summary>
    public string? Job { get; set; }
    public string? JobError { get; set; }
    /// <summary>When the job was queued last (a Queued job that never started is offered for retry).</summary>
    public DateTimeOffset? JobQueuedAt { get; set; }
    /// <summary>1:1 messages queued in the outbox (each recipient's parts summed).</summary>
    public int Messages { get; set; }
    /// <summary>Most 1:1 messages one person got (their personal digest, <see cref="PersonalDigestBuilder"/>).</summary>
    public int PersonalParts { get; set; }
    /// <summary>The week had been published before and this publication was sent as a correction.</summary>
    public bool Correction { get; set; }
    /// <summary>Final counts, written once every message and document is final (the history shows them).</summary>
    public int? DeliveredMessages { get; set; }
    public int? FailedMessages { get; set; }
    public int? FiledDocuments { get; set; }

    /// <summary>A field-by-field copy (the list copy of <see cref="DigestHistory"/>).</summary>
    public DigestEntity MemberwiseCopy() => (DigestEntity)MemberwiseClone();

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public IReadOnlyList<string> FilingProblemList => FilingProblems is null ? [] : JsonSerializer.Deserialize<string[]>(FilingProblems) ?? [];

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public IReadOnlyList<string> ChannelIdList => JsonSerializer.Deserialize<string[]>(ChannelIds) ?? [];

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public IReadOnlyList<ChannelOutcome> ChannelOutcomes =>
        ChannelResults is null ? [] : JsonSerializer.Deserialize<ChannelOutcome[]>(ChannelResults, DigestArchive.Json) ?? [];
}

/// <summary>
/// The history of published digests (table Digests, partition "digest"). Each publication is two rows written and
/// updated together in one entity-group transaction: the row under its publish id (look-ups by id) and a copy under
/// <see cref="IndexKey"/> ("~" + inverted ticks of PublishedAt + publish id), so the newest come first in key order and
/// the list reads one page at a time. Publish ids are letters, digits and '-', so the copies ("~…") never mix with them.
/// Rows written before the copies existed are indexed at start-up (<see cref="IndexExistingAsync"/>).
/// </summary>
public sealed class DigestHistory(DigestTables tables)
{
    public const string IndexPrefix = "~";

    /// <summary>Key of the list copy: newest first in key order; the publish id keeps it unique.</summary>
    public static string IndexKey(DigestEntity row) =>
        IndexPrefix + (DateTimeOffset.MaxValue.UtcTicks - row.PublishedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + row.RowKey;

    public async Task<DigestEntity?> GetAsync(string id, CancellationToken ct)
    {
        if (id.StartsWith(IndexPrefix, StringComparison.Ordinal)) return null; // list copies are not publications of their own
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        var r = await table.GetEntityIfExistsAsync<DigestEntity>(DigestEntity.Partition, id, cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    /// <summary>Inserts a new digest and its list copy; false if the id exists already (a repeated publication).</summary>
    public async Task<bool> TryAddAsync(DigestEntity row, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        try
        {
            await table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, IndexCopy(row))], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Merges the row and its list copy (creating the copy of an older row that has none).</summary>
    public async Task UpdateAsync(DigestEntity row, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        await table.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpsertMerge, row), new(TableTransactionActionType.UpsertMerge, IndexCopy(row))], ct);
    }

    /// <summary>One page of publications, newest first; null when the continuation is not one of ours.</summary>
    public async Task<TablePage<DigestEntity>?> PageAsync(int max, string? continuation, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestEntity.Partition} and RowKey gt {IndexPrefix}");
        var page = await TablePaging.ReadAsync<DigestEntity>(table, filter, max, continuation, ct: ct);
        return page is null ? null : page with { Items = page.Items.Select(FromIndex).ToList() };
    }

    /// <summary>Published digests, newest first (the first <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<DigestEntity>> ListAsync(int max, CancellationToken ct) => (await PageAsync(max, null, ct))!.Items;

    /// <summary>The newest publication of <paramref name="week"/> (list copies, newest first, filtered on the service), or null.</summary>
    public async Task<DigestEntity?> LatestOfWeekAsync(string week, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestEntity.Partition} and RowKey gt {IndexPrefix} and Week eq {week}");
        await foreach (var e in table.QueryAsync<DigestEntity>(filter, maxPerPage: 1, cancellationToken: ct))
            return FromIndex(e);
        return null;
    }

    /// <summary>
    /// Gives every publication written before the list copies existed its copy (idempotent; a start-up step). Adds only:
    /// a copy written meanwhile by <see cref="UpdateAsync"/> is newer and stays; the batch then fails and the next start retries.
    /// </summary>
    public async Task<int> IndexExistingAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        var rows = new List<DigestEntity>();
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<DigestEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DigestEntity.Partition}"), cancellationToken: ct))
        {
            if (e.RowKey.StartsWith(IndexPrefix, StringComparison.Ordinal)) indexed.Add(e.RowKey);
            else rows.Add(e);
        }
        var missing = rows.Where(r => !indexed.Contains(IndexKey(r))).Select(IndexCopy).ToList();
        foreach (var chunk in missing.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.Add, c)), ct);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                return 0; // a copy appeared meanwhile (a concurrent update): nothing of this batch written, the next start retries
            }
        }
        return missing.Count;
    }

    private static DigestEntity IndexCopy(DigestEntity row)
    {
        var copy = row.MemberwiseCopy();
        copy.RowKey = IndexKey(row);
        copy.ETag = default;
        return copy;
    }

    private static DigestEntity FromIndex(DigestEntity copy)
    {
        copy.RowKey = copy.RowKey[(copy.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
        return copy;
    }
}
