using Azure.Data.Tables;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>
/// The monitoring feature's tables (same account and prefix as <see cref="Tables"/>), created at start by
/// <see cref="MonitoringStartup"/>; layout in Quality/Monitoring/README.md.
/// </summary>
public sealed class MonitoringTables(Tables tables)
{
    /// <summary>One row per reported month: the month-end run is done (PK "month-end", RK "2026-11").</summary>
    public const string MonthEndTable = "QualityMonthEnd";

    /// <summary>One row per measure and after-end task (PK measure number, RK task kind).</summary>
    public const string TasksTable = "QualityTasks";

    /// <summary>Recorded COSACH contacts (PK month "2026-11", RK contact id).</summary>
    public const string ContactsTable = "QualityContacts";

    public TableClient MonthEnd => tables.Get(MonthEndTable);
    public TableClient Tasks => tables.Get(TasksTable);
    public TableClient Contacts => tables.Get(ContactsTable);

    public async Task CreateAllAsync(CancellationToken ct)
    {
        foreach (var t in new[] { MonthEnd, Tasks, Contacts })
            await t.CreateIfNotExistsAsync(ct);
    }
}
