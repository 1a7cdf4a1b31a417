using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Repositories;

public sealed class StaffEntity : ITableEntity
{
    public const string Partition = "staff";
    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>Lower-case, so that the e-mail filter is an exact match.</summary>
    public string Email { get; set; } = "";
    public string TeamId { get; set; } = "";
    /// <summary>Comma-separated <see cref="StaffRole"/> names.</summary>
    public string Roles { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string? ManagerId { get; set; }
    /// <summary>Left every mapped Entra group (the row stays for history). Rows written before the sync existed lack it: active.</summary>
    public bool Deactivated { get; set; }

    public Staff ToDomain() => new(RowKey, DisplayName, Email, TeamId,
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<StaffRole>).ToHashSet(), AadObjectId, ManagerId, !Deactivated);

    public static StaffEntity From(Staff s) => new()
    {
        RowKey = s.Id, DisplayName = s.DisplayName, Email = s.Email.ToLowerInvariant(), TeamId = s.TeamId,
        Roles = string.Join(',', s.Roles.Order()), AadObjectId = s.AadObjectId, ManagerId = s.ManagerId, Deactivated = !s.Active,
    };
}

public sealed class TeamEntity : ITableEntity
{
    public const string Partition = "team";
    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public string Location { get; set; } = "";
}

/// <summary>
/// Staff and teams of one Jobcenter: single partitions (hundreds to a few thousand rows). Staff synced from Entra ID
/// (Staff/StaffSync.cs) are keyed by their object id, so the bot's and the tab's lookup by AAD object id is a point
/// read. Demo rows (Development, Seed:Demo) keep readable ids with the object id in a column: with
/// <paramref name="demoRows"/> a miss of the point read falls back to filtering that column inside the partition.
/// The e-mail lookup (X-Dev-User) filters the partition: bounded by the Jobcenter's head count.
/// </summary>
public sealed class StaffRepository(Tables tables, bool demoRows = true)
{
    public Task UpsertAsync(Staff s, CancellationToken ct = default) =>
        tables.Staff.UpsertEntityAsync(StaffEntity.From(s), TableUpdateMode.Replace, ct);

    public async Task<Staff?> GetAsync(string id, CancellationToken ct = default)
    {
        var r = await tables.Staff.GetEntityIfExistsAsync<StaffEntity>(StaffEntity.Partition, id, cancellationToken: ct);
        return r.HasValue ? r.Value!.ToDomain() : null;
    }

    public Task<Staff?> FindByEmailAsync(string email, CancellationToken ct = default) =>
        FirstAsync(TableClient.CreateQueryFilter($"PartitionKey eq {StaffEntity.Partition} and Email eq {email.Trim().ToLowerInvariant()}"), ct);

    public async Task<Staff?> FindByAadObjectIdAsync(string oid, CancellationToken ct = default)
    {
        if (!Guid.TryParse(oid, out _)) return null; // object ids are GUIDs; anything else is no key
        if (await GetAsync(oid, ct) is { } synced && string.Equals(synced.AadObjectId, oid, StringComparison.OrdinalIgnoreCase))
            return synced;
        return demoRows
            ? await FirstAsync(TableClient.CreateQueryFilter($"PartitionKey eq {StaffEntity.Partition} and AadObjectId eq {oid}"), ct)
            : null;
    }

    /// <summary>An id or an e-mail address (the X-Dev-User contract).</summary>
    public async Task<Staff?> FindByIdOrEmailAsync(string idOrEmail, CancellationToken ct = default) =>
        idOrEmail.Contains('@') ? await FindByEmailAsync(idOrEmail, ct) : await GetAsync(idOrEmail, ct);

    public async Task<IReadOnlyList<Staff>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Staff>();
        await foreach (var e in tables.Staff.QueryAsync<StaffEntity>($"PartitionKey eq '{StaffEntity.Partition}'", cancellationToken: ct))
            list.Add(e.ToDomain());
        return list;
    }

    public Task UpsertTeamAsync(Team t, CancellationToken ct = default) =>
        tables.Teams.UpsertEntityAsync(new TeamEntity { RowKey = t.Id, Name = t.Name, Location = t.Location }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken ct = default)
    {
        var list = new List<Team>();
        await foreach (var e in tables.Teams.QueryAsync<TeamEntity>($"PartitionKey eq '{TeamEntity.Partition}'", cancellationToken: ct))
            list.Add(new Team(e.RowKey, e.Name, e.Location));
        return list;
    }

    private async Task<Staff?> FirstAsync(string filter, CancellationToken ct)
    {
        await foreach (var e in tables.Staff.QueryAsync<StaffEntity>(filter, maxPerPage: 1, cancellationToken: ct))
            return e.ToDomain();
        return null;
    }
}
