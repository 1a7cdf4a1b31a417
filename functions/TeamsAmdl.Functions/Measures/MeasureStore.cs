using Azure;
using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Measures;

/// <summary>
/// Writes of the measure administration on the measure row (partition = Maßnahmenummer, docs/storage.md). Every
/// write is conditional: a create fails with 409 if the number exists, an edit or a close carries the ETag read with
/// the partition and bumps AllocationVersion, so that it and a concurrent place allocation (which checks the same
/// ETag) cannot both decide on stale data.
/// </summary>
public sealed class MeasureStore(Tables tables, TimeProvider time)
{
    /// <summary>The partition, or null when there is no such measure (or the number could not be one: no storage call then).</summary>
    public async Task<MeasurePartition?> ReadAsync(string number, CancellationToken ct)
    {
        if (!PlaceRequestRepository.IsSafeKey(number)) return null;
        var row = await tables.Measures.GetEntityIfExistsAsync<MeasureEntity>(number, MeasureEntity.Row, cancellationToken: ct);
        if (!row.HasValue) return null;
        var participations = new List<Participation>();
        var held = new List<DateOnly>();
        var today = BerlinCalendar.Today(time);
        await foreach (var p in tables.Measures.QueryAsync<PlaceEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {number} and RowKey ne {MeasureEntity.Row}"), maxPerPage: 1000, cancellationToken: ct))
        {
            if (p.IsReservation) held.Add(StoredDate.ReadNullable(p.Entry) ?? today);
            else participations.Add(p.ToParticipation());
        }
        return new MeasurePartition(row.Value!, row.Value!.ToDomain(), participations, held);
    }

    /// <summary>False when the number exists already (also a closed measure: numbers are never reused).</summary>
    public async Task<bool> AddAsync(Measure m, CancellationToken ct)
    {
        var entity = MeasureEntity.From(m);
        entity.AllocationVersion = 0;
        try
        {
            await tables.Measures.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the master data under the ETag of <paramref name="read"/>; a 412 (changed meanwhile) propagates.</summary>
    public async Task UpdateAsync(MeasurePartition read, Measure m, CancellationToken ct)
    {
        var entity = MeasureEntity.From(m);
        entity.AllocationVersion = (read.Row.AllocationVersion ?? 0) + 1;
        await tables.Measures.UpdateEntityAsync(entity, read.Row.ETag, TableUpdateMode.Merge, ct);
    }

    public async Task CloseAsync(MeasurePartition read, string by, DateOnly on, CancellationToken ct) =>
        await tables.Measures.UpdateEntityAsync(new TableEntity(read.Measure.Number, MeasureEntity.Row)
        {
            [nameof(MeasureEntity.ClosedOn)] = StoredDate.Write(on),
            [nameof(MeasureEntity.ClosedBy)] = by,
            [nameof(MeasureEntity.AllocationVersion)] = (read.Row.AllocationVersion ?? 0) + 1,
        }, read.Row.ETag, TableUpdateMode.Merge, ct);
}
