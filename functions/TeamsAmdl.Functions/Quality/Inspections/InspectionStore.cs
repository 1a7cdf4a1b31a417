using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>A stored row with the ETag it was read with (updates are conditional on it).</summary>
public sealed record Versioned<T>(T Value, ETag ETag);

/// <summary>Everything stored of one measure (or of all measures).</summary>
public sealed record InspectionData(IReadOnlyList<Versioned<InspectionRecord>> Inspections, IReadOnlyList<Versioned<MangelRecord>> Maengel);

/// <summary>
/// Inspections and Mängel in table InspectionRecords: one row each, the record as JSON in column "Data" plus "Type" and
/// "Status" for reading. Updates are conditional on the ETag read; a concurrent change surfaces as 412
/// (<see cref="IsConflict"/>) and the caller answers 409.
/// </summary>
public sealed class InspectionStore(InspectionTables tables)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string InspectionType = "inspection";
    private const string MangelType = "mangel";

    public static string InspectionKey(string id) => "i|" + id;
    public static string MangelKey(string id) => "m|" + id;

    public static bool IsConflict(Exception e) => e is RequestFailedException { Status: 412 or 409 };

    public async Task<InspectionData> LoadAsync(string? measureNumber, CancellationToken ct)
    {
        var table = await tables.RecordsAsync(ct);
        var inspections = new List<Versioned<InspectionRecord>>();
        var maengel = new List<Versioned<MangelRecord>>();
        var query = measureNumber is null
            ? table.QueryAsync<TableEntity>(cancellationToken: ct)
            : table.QueryAsync<TableEntity>(e => e.PartitionKey == measureNumber, cancellationToken: ct);
        await foreach (var e in query)
        {
            var data = e.GetString("Data") ?? "{}";
            if (e.GetString("Type") == InspectionType) inspections.Add(new(JsonSerializer.Deserialize<InspectionRecord>(data, Json)!, e.ETag));
            else if (e.GetString("Type") == MangelType) maengel.Add(new(JsonSerializer.Deserialize<MangelRecord>(data, Json)!, e.ETag));
        }
        return new InspectionData(inspections, maengel);
    }

    public async Task<Versioned<MangelRecord>?> GetMangelAsync(string measureNumber, string id, CancellationToken ct)
    {
        var table = await tables.RecordsAsync(ct);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(measureNumber, MangelKey(id), cancellationToken: ct);
        return e.HasValue && e.Value!.GetString("Type") == MangelType
            ? new(JsonSerializer.Deserialize<MangelRecord>(e.Value.GetString("Data")!, Json)!, e.Value.ETag) : null;
    }

    /// <summary>Inserts (ETag default) or replaces under the ETag read.</summary>
    public Task SaveAsync(InspectionRecord r, ETag etag, CancellationToken ct) =>
        SaveAsync(r.MeasureNumber, InspectionKey(r.Id), InspectionType, r.Status.ToString(), JsonSerializer.Serialize(r, Json), etag, ct);

    /// <summary>Inserts or replaces the Mangel under the ETag read; returns the new ETag.</summary>
    public Task<ETag> SaveAsync(MangelRecord m, ETag etag, CancellationToken ct) =>
        SaveAsync(m.MeasureNumber, MangelKey(m.Id), MangelType, m.Status.ToString(), JsonSerializer.Serialize(m, Json), etag, ct);

    /// <summary>One transaction: the recorded inspection and its new Mängel (all in the measure's partition).</summary>
    public async Task SaveRecordingAsync(InspectionRecord r, ETag etag, IReadOnlyList<MangelRecord> maengel, CancellationToken ct)
    {
        var table = await tables.RecordsAsync(ct);
        var actions = new List<TableTransactionAction>
        {
            etag == default
                ? new(TableTransactionActionType.Add, Entity(r.MeasureNumber, InspectionKey(r.Id), InspectionType, r.Status.ToString(), JsonSerializer.Serialize(r, Json)))
                : new(TableTransactionActionType.UpdateReplace, Entity(r.MeasureNumber, InspectionKey(r.Id), InspectionType, r.Status.ToString(), JsonSerializer.Serialize(r, Json)), etag),
        };
        actions.AddRange(maengel.Select(m => new TableTransactionAction(TableTransactionActionType.Add,
            Entity(m.MeasureNumber, MangelKey(m.Id), MangelType, m.Status.ToString(), JsonSerializer.Serialize(m, Json)))));
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException e)
        {
            throw new RequestFailedException(e.Status, e.Message, e.ErrorCode, e);
        }
    }

    private async Task<ETag> SaveAsync(string pk, string rk, string type, string status, string json, ETag etag, CancellationToken ct)
    {
        var table = await tables.RecordsAsync(ct);
        var entity = Entity(pk, rk, type, status, json);
        var response = etag == default
            ? await table.AddEntityAsync(entity, ct)
            : await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct);
        return response.Headers.ETag ?? default;
    }

    private static TableEntity Entity(string pk, string rk, string type, string status, string json) =>
        new(pk, rk) { ["Type"] = type, ["Status"] = status, ["Data"] = json };
}
