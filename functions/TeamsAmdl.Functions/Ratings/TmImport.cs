using System.Text.Json;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>One imported measure-quarter with the rule's verdict (API answer and stored row).</summary>
public sealed record TmDataView(
    string Quarter,
    string MeasureNumber,
    int Line,
    decimal HardAverage,
    decimal SoftAverage,
    IReadOnlyDictionary<string, decimal> SoftValues,
    bool Auffaellig,
    IReadOnlyList<string> BadValues,
    string? ImportedBy,
    DateTimeOffset? ImportedAt);

public sealed record TmImportReport(int Imported, int Flagged, IReadOnlyList<TmDataView> Rows, IReadOnlyList<TmImportError> Errors);

/// <summary>
/// R-RATE-6: imports the quarterly TM data of Einkauf (CF4) from CSV (<see cref="TmQuarterlyCsv"/>) and flags measures
/// by the same R-RATE-4 rule (threshold of the shipped questionnaire). Valid rows are stored (table RatingTmData:
/// PartitionKey = quarter, RowKey = Maßnahmenummer; a re-import replaces the row); malformed rows and unknown
/// measures come back with their line numbers and are not stored.
/// </summary>
public sealed class TmImport(RatingTables tables, MeasureRepository measures, TimeProvider time)
{
    public const int MaxBytes = 1024 * 1024;

    public async Task<TmImportReport> ImportAsync(string csv, Staff by, CancellationToken ct)
    {
        var scale = DefaultQuestionnaire.Template.Scale;
        var parsed = TmQuarterlyCsv.Parse(csv, scale);
        var errors = parsed.Errors.ToList();
        // Closed (archived) measures included: a quarter's TM data may arrive after the measure was closed.
        var known = (await measures.ListAsync(BerlinCalendar.Today(time), ct, includeClosed: true)).Select(m => m.Measure.Number).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var rows = new List<TmDataView>();
        foreach (var row in parsed.Rows)
        {
            if (!known.Contains(row.MeasureNumber))
            {
                errors.Add(new TmImportError(row.Line, RatingTexts.CsvUnknownMeasure(row.MeasureNumber)));
                continue;
            }
            var e = row.Evaluate(scale.Threshold);
            var view = new TmDataView(row.Quarter, row.MeasureNumber, row.Line, row.HardAverage, row.SoftAverage,
                row.SoftValues.ToDictionary(v => v.Question, v => v.Value), e.IsAuffaellig, e.BadValues.Select(b => b.Key).ToList(), by.Id, now);
            await tables.TmData.UpsertEntityAsync(new TableEntity(row.Quarter, row.MeasureNumber)
            {
                ["Line"] = row.Line, ["HardAverage"] = RatingFormat.Store(row.HardAverage), ["SoftAverage"] = RatingFormat.Store(row.SoftAverage),
                ["SoftValues"] = JsonSerializer.Serialize(view.SoftValues, TemplateStore.Json), ["Auffaellig"] = e.IsAuffaellig,
                ["BadValues"] = string.Join(',', view.BadValues), ["ImportedBy"] = by.Id, ["ImportedAt"] = now,
            }, TableUpdateMode.Replace, ct);
            rows.Add(view);
        }
        return new TmImportReport(rows.Count, rows.Count(r => r.Auffaellig), rows, errors.OrderBy(x => x.Line).ToList());
    }

    public async Task<IReadOnlyList<TmDataView>> ListAsync(string? quarter, CancellationToken ct)
    {
        var list = new List<TmDataView>();
        var filter = quarter is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {quarter}");
        await foreach (var e in tables.TmData.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(new TmDataView(e.PartitionKey, e.RowKey, e.GetInt32("Line") ?? 0, RatingFormat.Load(e.GetString("HardAverage")) ?? 0,
                RatingFormat.Load(e.GetString("SoftAverage")) ?? 0,
                JsonSerializer.Deserialize<Dictionary<string, decimal>>(e.GetString("SoftValues") ?? "{}", TemplateStore.Json) ?? [],
                e.GetBoolean("Auffaellig") ?? false, (e.GetString("BadValues") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
                e.GetString("ImportedBy"), e.GetDateTimeOffset("ImportedAt")));
        return list;
    }
}
