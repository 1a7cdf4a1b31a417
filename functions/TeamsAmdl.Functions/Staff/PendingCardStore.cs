using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Staffing;

/// <summary>
/// Cards waiting for a person the bot cannot reach yet (the app is being installed for them), durable until the
/// conversation exists. Table PendingCards, PartitionKey = the recipient's AAD object id; per card a row
/// "card_{hash of the message key}" with the message key and the activity JSON (in 30,000-character pieces, the Table
/// service's limit per string property), and one row "install" recording when Graph was last asked to install the app.
/// </summary>
public sealed class PendingCardStore(Tables tables, TimeProvider time)
{
    public const string TableName = "PendingCards";
    private const string CardPrefix = "card_";
    private const string InstallRow = "install";
    private const int PieceChars = 30_000;

    public sealed record PendingCard(string RecipientAadObjectId, string TenantId, string MessageKey, Activity Activity, ETag ETag);

    public sealed record Installation(string RecipientAadObjectId, DateTimeOffset? RequestedAt);

    private Task<TableClient> TableAsync(CancellationToken ct) => tables.GetCreatedAsync(TableName, ct);

    /// <summary>Stores a card (again: replaced, the same key stays one card).</summary>
    public async Task AddAsync(string aadObjectId, string tenantId, string messageKey, Activity activity, CancellationToken ct)
    {
        var row = new TableEntity(aadObjectId, CardPrefix + Hash(messageKey))
        {
            ["MessageKey"] = messageKey,
            ["TenantId"] = tenantId,
            ["CreatedAt"] = time.GetUtcNow(),
        };
        var json = ActivitySerializer.Serialize(activity);
        var pieces = (json.Length + PieceChars - 1) / PieceChars;
        row["CardPieces"] = pieces;
        for (var i = 0; i < pieces; i++)
            row[$"Card{i}"] = json.Substring(i * PieceChars, Math.Min(PieceChars, json.Length - i * PieceChars));
        await (await TableAsync(ct)).UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<PendingCard>> ListAsync(string aadObjectId, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        var cards = new List<PendingCard>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {aadObjectId} and RowKey ge {CardPrefix} and RowKey lt {CardPrefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var json = new StringBuilder();
            for (var i = 0; i < (row.GetInt32("CardPieces") ?? 0); i++) json.Append(row.GetString($"Card{i}"));
            cards.Add(new PendingCard(aadObjectId, row.GetString("TenantId") ?? "", row.GetString("MessageKey") ?? "",
                JsonSerializer.Deserialize<Activity>(json.ToString(), ActivitySerializer.Options)!, row.ETag));
        }
        return cards;
    }

    /// <summary>Removes a card once it is in the outbox; a card replaced meanwhile (other ETag) stays.</summary>
    public async Task RemoveAsync(PendingCard card, CancellationToken ct)
    {
        try
        {
            await (await TableAsync(ct)).DeleteEntityAsync(card.RecipientAadObjectId, CardPrefix + Hash(card.MessageKey), card.ETag, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already (another release), or stored again meanwhile: the outbox has the key, so the next release
            // finds it queued and only drops the row.
        }
    }

    public async Task<Installation?> GetInstallationAsync(string aadObjectId, CancellationToken ct)
    {
        var row = await (await TableAsync(ct)).GetEntityIfExistsAsync<TableEntity>(aadObjectId, InstallRow, cancellationToken: ct);
        return row.HasValue ? new Installation(aadObjectId, row.Value!.GetDateTimeOffset("RequestedAt")) : null;
    }

    public async Task RecordInstallationAsync(string aadObjectId, CancellationToken ct) =>
        await (await TableAsync(ct)).UpsertEntityAsync(new TableEntity(aadObjectId, InstallRow) { ["RequestedAt"] = time.GetUtcNow() },
            TableUpdateMode.Replace, ct);

    public async Task ForgetInstallationAsync(string aadObjectId, CancellationToken ct)
    {
        try
        {
            await (await TableAsync(ct)).DeleteEntityAsync(aadObjectId, InstallRow, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Everyone with an installation request on record (a scan: the few people the app is being installed for).</summary>
    public async Task<IReadOnlyList<Installation>> ListInstallationsAsync(CancellationToken ct)
    {
        var list = new List<Installation>();
        await foreach (var row in (await TableAsync(ct)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {InstallRow}"), cancellationToken: ct))
            list.Add(new Installation(row.PartitionKey, row.GetDateTimeOffset("RequestedAt")));
        return list;
    }

    private static string Hash(string messageKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)))[..40];
}
