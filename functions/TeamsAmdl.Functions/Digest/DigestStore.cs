using System.Runtime.Serialization;
using System.Collections.Concurrent;
using Azure;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// The digest's tables (same account and prefix as <see cref="Tables"/>), created on first use:
/// <list type="table">
/// <item><term>DigestInputs</term><description>PK week ("2026-W47"), RK Maßnahmenummer: the week's figures of a measure as
/// the Betreuer sent them or the coordinator edited them. One partition per week: the tab reads a week in one query.</description></item>
/// <item><term>DigestRequests</term><description>PK week, RK Betreuer id: when the request and the reminder were queued.</description></item>
/// <item><term>Digests</term><description>PK "digest", RK publish id: every published digest (history; one per week and publication).</description></item>
/// <item><term>DigestDeliveries</term><description>PK publish id, RK "channel|{conversation}|{part}": posts to team channels.</description></item>
/// </list>
/// </summary>
public sealed class DigestTables(Tables tables)
{
    public const string InputsTable = "DigestInputs";
    public const string RequestsTable = "DigestRequests";
    public const string DigestsTable = "Digests";
    public const string DeliveriesTable = "DigestDeliveries";

    public Task<TableClient> GetAsync(string name, CancellationToken ct) => tables.GetCreatedAsync(name, ct);
}

/// <summary>A measure's figures for one week (table DigestInputs).</summary>
public sealed class DigestInputEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary><see cref="DigestInputState"/> by name (Confirmed, Corrected, Edited).</summary>
    public string State { get; set; } = "";
    public int Capacity { get; set; }
    public int Occupied { get; set; }
    public int Reserved { get; set; }
    public int FreePlaces { get; set; }
    public string? NextEntryDate { get; set; }
    public bool IntakeOpen { get; set; }
    public int? ContingentStays { get; set; }
    public string? Remarks { get; set; }

    public string? SubmittedById { get; set; }
    public string? SubmittedByName { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? EditedById { get; set; }
    public string? EditedByName { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public string ChangedById { get; set; } = "";
    public string ChangedByName { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public int Version { get; set; }

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public DigestInputState InputState => Enum.TryParse<DigestInputState>(State, out var s) ? s : DigestInputState.Missing;

    [IgnoreDataMember] // computed: the SDK would store every public getter
    public WeeklyFigures Figures => new(Capacity, Occupied, Reserved, FreePlaces, StoredDate.ReadNullable(NextEntryDate), IntakeOpen, ContingentStays);

    public void SetFigures(WeeklyFigures f)
    {
        Capacity = f.Capacity;
        Occupied = f.Occupied;
        Reserved = f.Reserved;
        FreePlaces = f.FreePlaces;
        NextEntryDate = StoredDate.Write(f.NextEntryDate);
        IntakeOpen = f.IntakeOpen;
        ContingentStays = f.ContingentStays;
    }
}

/// <summary>When the request and the reminder of a week went out to a Betreuer (table DigestRequests).</summary>
public sealed class DigestRequestEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public DateTimeOffset? RequestQueuedAt { get; set; }
    public int RequestMeasures { get; set; }
    public DateTimeOffset? ReminderQueuedAt { get; set; }
    /// <summary>Measures the reminder asked for (0: nothing was missing, no reminder sent).</summary>
    public int ReminderMeasures { get; set; }
}

/// <summary>Raised when a weekly input changed since the caller read it (ETag): nothing was written.</summary>
public sealed class InputChangedException(DigestInputEntity? current) : Exception("The weekly input changed meanwhile.")
{
    public DigestInputEntity? Current { get; } = current;
}

/// <summary>Weekly inputs and request markers.</summary>
public sealed class DigestInputRepository(DigestTables tables)
{
    public async Task<IReadOnlyDictionary<string, DigestInputEntity>> ListAsync(WeekKey week, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.InputsTable, ct);
        var result = new Dictionary<string, DigestInputEntity>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<DigestInputEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {week.ToString()}"),
                           cancellationToken: ct))
            result[e.RowKey] = e;
        return result;
    }

    public async Task<DigestInputEntity?> GetAsync(WeekKey week, string number, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.InputsTable, ct);
        var r = await table.GetEntityIfExistsAsync<DigestInputEntity>(week.ToString(), number, cancellationToken: ct);
        return r.HasValue ? r.Value : null;
    }

    /// <summary>
    /// Writes a row under the ETag the caller read: <paramref name="expected"/> null means "there was no row" (insert,
    /// fails if someone created one meanwhile). Throws <see cref="InputChangedException"/> with the current row on a
    /// conflict; nothing is overwritten.
    /// </summary>
    public async Task<DigestInputEntity> WriteAsync(DigestInputEntity row, ETag? expected, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.InputsTable, ct);
        try
        {
            if (expected is { } etag)
            {
                var r = await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct);
                row.ETag = r.Headers.ETag ?? default;
            }
            else
            {
                var r = await table.AddEntityAsync(row, ct);
                row.ETag = r.Headers.ETag ?? default;
            }
            return row;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new InputChangedException(await GetAsync(WeekKey.Parse(row.PartitionKey), row.RowKey, ct));
        }
    }

    public async Task<IReadOnlyDictionary<string, DigestRequestEntity>> ListRequestsAsync(WeekKey week, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.RequestsTable, ct);
        var result = new Dictionary<string, DigestRequestEntity>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<DigestRequestEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {week.ToString()}"),
                           cancellationToken: ct))
            result[e.RowKey] = e;
        return result;
    }

    public async Task SaveRequestAsync(DigestRequestEntity row, CancellationToken ct)
    {
        var table = await tables.GetAsync(DigestTables.RequestsTable, ct);
        await table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct);
    }
}
