using Azure;
using TeamsAmdl.Domain;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.Repositories;

/// <summary>
/// A measure with the places it holds today, as read in one go (ETag of the measure row included). ClosedOn: the
/// day it was archived (Measures/README.md); closed measures are readable but offer no places.
/// </summary>
public sealed record MeasureState(Measure Measure, ETag ETag, long AllocationVersion,
    IReadOnlyList<Participation> Participations, IReadOnlyList<string> ReservedRefs, DateOnly? ClosedOn = null)
{
    public bool Closed => ClosedOn is not null;
}

/// <summary>
/// Measures and their places. Partition = Maßnahmenummer, so one measure's rows form an entity group and every
/// allocation is one transaction: bump the measure row under its ETag + add the place row (see PlaceAllocator).
/// </summary>
public sealed class MeasureRepository(Tables tables)
{
    /// <summary>Creates or updates the measure's master data; never touches its places or AllocationVersion.</summary>
    public async Task UpsertAsync(Measure m, CancellationToken ct = default) =>
        await tables.Measures.UpsertEntityAsync(MeasureEntity.From(m), TableUpdateMode.Merge, ct);

    public async Task<MeasureState?> GetAsync(string number, DateOnly today, CancellationToken ct = default)
    {
        var row = await tables.Measures.GetEntityIfExistsAsync<MeasureEntity>(number, MeasureEntity.Row, cancellationToken: ct);
        if (!row.HasValue) return null;
        var places = await PlacesAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {number} and RowKey ne {MeasureEntity.Row} and Until ge {StoredDate.Write(today)}"), ct);
        return ToState(row.Value!, places);
    }

    /// <summary>
    /// All open measures (closed ones only with <paramref name="includeClosed"/>) with their running places: two scans,
    /// one over measure rows and one over places held today or later (PlaceEntity.Until filters ended ones out on the
    /// server), so the result is bounded by measures × capacity.
    /// </summary>
    public async Task<IReadOnlyList<MeasureState>> ListAsync(DateOnly today, CancellationToken ct = default, bool includeClosed = false)
    {
        var measures = new List<MeasureEntity>();
        await foreach (var m in tables.Measures.QueryAsync<MeasureEntity>($"RowKey eq '{MeasureEntity.Row}'", maxPerPage: 1000, cancellationToken: ct))
            if (includeClosed || m.ClosedOn is null) measures.Add(m);
        var places = (await PlacesAsync(
                TableClient.CreateQueryFilter($"RowKey ne {MeasureEntity.Row} and Until ge {StoredDate.Write(today)}"), ct))
            .ToLookup(p => p.PartitionKey);
        return measures.OrderBy(m => m.PartitionKey, StringComparer.Ordinal).Select(m => ToState(m, places[m.PartitionKey])).ToList();
    }

    /// <summary>
    /// The measures' master data without their places: one scan over the measure rows, for daily jobs that need only
    /// dates and people (the places scan of <see cref="ListAsync"/> is the larger one).
    /// </summary>
    public async Task<IReadOnlyList<Measure>> ListMeasuresAsync(CancellationToken ct = default, bool includeClosed = false)
    {
        var list = new List<Measure>();
        await foreach (var m in tables.Measures.QueryAsync<MeasureEntity>($"RowKey eq '{MeasureEntity.Row}'", maxPerPage: 1000, cancellationToken: ct))
            if (includeClosed || m.ClosedOn is null) list.Add(m.ToDomain());
        return list.OrderBy(m => m.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every participation of the measure, ended ones included (for TM consumption and the participant list).</summary>
    public async Task<IReadOnlyList<Participation>> ParticipationsAsync(string number, CancellationToken ct = default) =>
        (await PlacesAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {number} and RowKey ge {PlaceEntity.ParticipationPrefix} and RowKey lt {"p}"}"), ct))
        .Select(p => p.ToParticipation()).OrderBy(p => p.Entry).ThenBy(p => p.CustomerRef, StringComparer.Ordinal).ToList();

    private async Task<List<PlaceEntity>> PlacesAsync(string filter, CancellationToken ct)
    {
        var list = new List<PlaceEntity>();
        await foreach (var p in tables.Measures.QueryAsync<PlaceEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            list.Add(p);
        return list;
    }

    private static MeasureState ToState(MeasureEntity m, IEnumerable<PlaceEntity> places)
    {
        var all = places.ToList();
        return new MeasureState(m.ToDomain(), m.ETag, m.AllocationVersion ?? 0,
            all.Where(p => !p.IsReservation).Select(p => p.ToParticipation()).ToList(),
            all.Where(p => p.IsReservation).Select(p => p.CustomerRef).ToList(), StoredDate.ReadNullable(m.ClosedOn));
    }
}
