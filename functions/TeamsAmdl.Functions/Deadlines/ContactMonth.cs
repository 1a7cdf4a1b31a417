using Azure;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>
/// One row of DeadlineContacts: a LAP participant's contacts in one month as the Träger reported them (R-TN-3). Personal
/// counts; Other (phone, e-mail, holiday, sickness) is kept for the record only. Flagged: the Betreuer got the card for
/// a month below 2. Month is "yyyy-MM" (also the end of the RowKey) for the retention rule.
/// </summary>
public sealed class ContactMonth : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string CustomerRef { get; set; } = "";
    public string Month { get; set; } = "";
    public int Personal { get; set; }
    public int Other { get; set; }
    public string? Remark { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public bool Flagged { get; set; }

    public static string Key(string customerRef, string month) => $"{customerRef}|{month}";
}
