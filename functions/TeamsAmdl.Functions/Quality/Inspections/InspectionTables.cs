using Azure.Data.Tables;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>The tables of inspections and Mängel (layout in Quality/Inspections/README.md), created on first use.</summary>
public sealed class InspectionTables(Tables tables)
{
    public const string RecordsTable = "InspectionRecords";
    public const string AuditTable = "QualityAudit";

    public Task<TableClient> RecordsAsync(CancellationToken ct) => tables.GetCreatedAsync(RecordsTable, ct);
    public Task<TableClient> AuditAsync(CancellationToken ct) => tables.GetCreatedAsync(AuditTable, ct);
}
