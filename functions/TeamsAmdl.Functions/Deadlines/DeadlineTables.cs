using Azure.Data.Tables;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// The deadline feature's tables (same account and prefix as <see cref="Tables"/>), created at start (StartupChecks).
/// DeadlineMarks: per measure (PartitionKey) and deadline item key (RowKey) what arrived and which notices went out.
/// DeadlineContacts: LAP contacts per measure, participant and month (RowKey "TN-…|2026-11").
/// </summary>
public sealed class DeadlineTables(Tables tables)
{
    public const string MarksTable = "DeadlineMarks";
    public const string ContactsTable = "DeadlineContacts";

    public TableClient Marks => tables.Get(MarksTable);
    public TableClient Contacts => tables.Get(ContactsTable);

    public async Task CreateAllAsync(CancellationToken ct)
    {
        await Marks.CreateIfNotExistsAsync(ct);
        await Contacts.CreateIfNotExistsAsync(ct);
    }
}
