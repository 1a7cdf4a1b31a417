using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Repositories;

public sealed class TraegerEntity : ITableEntity
{
    public const string Partition = "traeger";
    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string? ContactEmail { get; set; }

    public Traeger ToDomain() => new(RowKey, Name, City, ContactEmail);
    public static TraegerEntity From(Traeger t) => new() { RowKey = t.Id, Name = t.Name, City = t.City, ContactEmail = t.ContactEmail };
}

/// <summary>Träger: one partition (a Jobcenter works with tens to a few hundred providers), point reads by id.</summary>
public sealed class TraegerRepository(Tables tables)
{
    public Task UpsertAsync(Traeger t, CancellationToken ct = default) =>
        tables.Traeger.UpsertEntityAsync(TraegerEntity.From(t), TableUpdateMode.Replace, ct);

    public async Task<Traeger?> GetAsync(string id, CancellationToken ct = default)
    {
        var r = await tables.Traeger.GetEntityIfExistsAsync<TraegerEntity>(TraegerEntity.Partition, id, cancellationToken: ct);
        return r.HasValue ? r.Value!.ToDomain() : null;
    }

    public async Task<IReadOnlyList<Traeger>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Traeger>();
        await foreach (var e in tables.Traeger.QueryAsync<TraegerEntity>($"PartitionKey eq '{TraegerEntity.Partition}'", cancellationToken: ct))
            list.Add(e.ToDomain());
        return list;
    }
}
