using TeamsAmdl.Storage;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// IFK subscriptions (R-FREE-3). Without a row an IFK has the default of their team; muting a measure from the card
/// writes a row that keeps following the team (FiltersFromDefault) until the IFK chooses filters.
/// </summary>
public sealed class SubscriptionRepository(FreePlacesStore store, TimeProvider time)
{
    /// <summary>The subscription in effect for <paramref name="ifk"/>.</summary>
    public async Task<FreePlaceSubscription> GetAsync(Staff ifk, CancellationToken ct)
    {
        var table = await store.SubscriptionsAsync(ct);
        var row = await table.GetEntityIfExistsAsync<SubscriptionEntity>(TableKeys.Escape(ifk.Id), SubscriptionEntity.Row, cancellationToken: ct);
        return row.HasValue ? row.Value!.ToDomain(ifk) : FreePlaceSubscription.DefaultFor(ifk);
    }

    /// <summary>Every stored subscription by staff id (one scan; bounded by the number of IFKs).</summary>
    public async Task<IReadOnlyDictionary<string, FreePlaceSubscription>> ListAsync(IReadOnlyDictionary<string, Staff> staff, CancellationToken ct)
    {
        var table = await store.SubscriptionsAsync(ct);
        var result = new Dictionary<string, FreePlaceSubscription>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<SubscriptionEntity>($"RowKey eq '{SubscriptionEntity.Row}'", maxPerPage: 1000, cancellationToken: ct))
        {
            var s = row.ToDomain(staff.GetValueOrDefault(row.PartitionKey));
            result[s.IfkId] = s;
        }
        return result;
    }

    public async Task SaveAsync(FreePlaceSubscription subscription, CancellationToken ct)
    {
        var table = await store.SubscriptionsAsync(ct);
        var entity = SubscriptionEntity.From(subscription, time.GetUtcNow());
        entity.PartitionKey = TableKeys.Escape(subscription.IfkId);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Mutes or unmutes one measure for <paramref name="ifk"/>; returns the new subscription.</summary>
    public async Task<FreePlaceSubscription> SetMutedAsync(Staff ifk, IEnumerable<string> measureNumbers, bool muted, CancellationToken ct)
    {
        // Changed concurrently (another device of the same IFK): read again.
        return await Optimistic.RetryAsync(async ct =>
        {
            var table = await store.SubscriptionsAsync(ct);
            var row = await table.GetEntityIfExistsAsync<SubscriptionEntity>(TableKeys.Escape(ifk.Id), SubscriptionEntity.Row, cancellationToken: ct);
            var current = row.HasValue ? row.Value!.ToDomain(ifk) : FreePlaceSubscription.DefaultFor(ifk);
            var updated = measureNumbers.Aggregate(current, (s, n) => s.WithMuted(n, muted));
            var entity = SubscriptionEntity.From(updated, time.GetUtcNow());
            entity.PartitionKey = TableKeys.Escape(ifk.Id);
            if (row.HasValue) await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, ct);
            else await table.AddEntityAsync(entity, ct);
            return updated;
        }, maxAttempts: 6, cancellationToken: ct);
    }
}
