using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Digest;

/// <summary>Where a digest went to in one channel.</summary>
public sealed record ChannelOutcome(string Id, string Name, string Status, string? Message);

/// <summary>A published digest (table Digests, PK "digest", RK publish id).</summary>
public sealed class DigestEntity : ITableEntity
{
    public const string Partition = "digest";
    public const string Publishing = "Publishing";
    public const string Published = "Published";

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

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public IReadOnlyList<string> FilingProblemList => FilingProblems is null ? [] : JsonSerializer.Deserialize<string[]>(FilingProblems) ?? [];

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public IReadOnlyList<string> ChannelIdList => JsonSerializer.Deserialize<string[]>(ChannelIds) ?? [];

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public IReadOnlyList<ChannelOutcome> ChannelOutcomes =>
        ChannelResults is null ? [] : JsonSerializer.Deserialize<ChannelOutcome[]>(ChannelResults, DigestArchive.Json) ?? [];
}

/// <summary>The history of published digests (one partition: about one row per week).</summary>
public sealed class DigestHistory(DigestTables tables)
{
    public async Task<DigestEntity?> GetAsync(string id, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        var r = await table.GetEntityIfExistsAsync<DigestEntity>(DigestEntity.Partition, id, cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    /// <summary>Inserts a new digest; false if the id exists already (a repeated publication).</summary>
    public async Task<bool> TryAddAsync(DigestEntity row, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        try
        {
            await table.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task UpdateAsync(DigestEntity row, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct);
    }

    /// <summary>Published digests, newest first.</summary>
    public async Task<IReadOnlyList<DigestEntity>> ListAsync(int max, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.DigestsTable, ct);
        var list = new List<DigestEntity>();
        await foreach (var e in table.QueryAsync<DigestEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DigestEntity.Partition}"),
                           cancellationToken: ct))
            list.Add(e);
        return list.OrderByDescending(e => e.PublishedAt).Take(max).ToList();
    }
}
