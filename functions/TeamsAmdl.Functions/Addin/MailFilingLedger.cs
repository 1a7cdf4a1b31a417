using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Addin;

/// <summary>
/// Which files of which mail went into the e-Akte (table AddinFilings): PartitionKey = SHA-256 of the mail's
/// internetMessageId, RowKey = SHA-256 of the file's role and name. The outbox alone would file a second copy when
/// Outlook exports the same mail with other bytes (getAsFileAsync is not byte-stable across clients) or when the
/// user picks another measure the second time; this key does not depend on either. Hashes: no mail ids in keys.
/// </summary>
public sealed class MailFilingLedger(Tables tables, TimeProvider time)
{
    public const string TableName = "AddinFilings";

    public static string MailKey(string internetMessageId) => Hash(internetMessageId.Trim());

    public static string FileKey(string kind, string name) => Hash(kind + "\n" + name.Trim().ToLowerInvariant());

    /// <summary>The job id recorded for this file of this mail, or null.</summary>
    public async Task<string?> FindAsync(string mailKey, string fileKey, CancellationToken ct)
    {
        var table = await tables.GetCreatedAsync(TableName, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(mailKey, fileKey, ["JobId"], ct);
        return row.HasValue ? row.Value!.GetString("JobId") : null;
    }

    /// <summary>Records the file; a concurrent second filing of the same file keeps the first record.</summary>
    public async Task RecordAsync(string mailKey, string fileKey, string jobId, string staffId, CancellationToken ct)
    {
        var table = await tables.GetCreatedAsync(TableName, ct);
        try
        {
            await table.AddEntityAsync(new TableEntity(mailKey, fileKey)
            {
                ["JobId"] = jobId,
                ["FiledBy"] = staffId,
                ["FiledAt"] = time.GetUtcNow(),
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    private static string Hash(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
}
