using TeamsAmdl.Storage;
using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Options;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// Sends the scheduled free-place card of one IFK (R-FREE-3): all measures pending for them, each once, with live
/// numbers, measures that are no longer free or are muted dropped; at most <see cref="FreePlacesOptions.DailyCap"/>
/// cards a day (over the cap: postponed to the next working morning, the changes stay pending and are bundled). The
/// card goes through the outbox (<see cref="Proactive"/>) under the key "fp:alert:{ifk}:{flushId}", so a repeated
/// flush never sends twice.
/// </summary>
public sealed class AlertFlusher(FreePlacesStore store, FreePlaceAlerts alerts, StaffRepository staff, SubscriptionRepository subscriptions,
    MeasureRepository measures, FreePlaceViews views, FreePlacesBot bot, IOptions<FreePlacesOptions> options, TimeProvider time,
    ILogger<AlertFlusher> log)
{
    private static readonly TimeSpan StateCacheLifetime = TimeSpan.FromSeconds(2);
    // Mutes take effect for cards built from 2 s after the change on: one scan instead of a read per card.
    private static readonly TimeSpan SubscriptionCacheLifetime = TimeSpan.FromSeconds(2);
    // Cache ages as the clock's timestamps (GetTimestamp), not dates.
    private (long At, Task<IReadOnlyDictionary<string, FreePlaceSubscription>> Subscriptions)? _subscriptions;
    private readonly ConcurrentDictionary<string, (long At, Task<MeasureState?> State)> _states = new(StringComparer.Ordinal);
    private readonly FreePlacesOptions _options = options.Value;
    private readonly AlertDailyCap _cap = options.Value.ToDailyCap();

    public static string MessageKey(string ifkId, string flushId) => $"fp:alert:{ifkId}:{flushId}";

    /// <summary>Sends the card of flush <paramref name="flushId"/>. Returns null when done, else when to look again.</summary>
    public async Task<TimeSpan?> FlushAsync(string ifkId, string flushId, CancellationToken ct)
    {
        var table = await store.AlertsAsync(ct);
        var pk = TableKeys.Escape(ifkId);
        var found = await table.GetEntityIfExistsAsync<AlertRowEntity>(pk, AlertRowEntity.FlushRow, cancellationToken: ct);
        if (!found.HasValue || found.Value!.FlushId != flushId) return null; // stale message: sent already, or replaced
        var flush = found.Value!;
        var now = time.GetUtcNow();
        if (flush.NotBefore is { } notBefore && notBefore - now > TimeSpan.FromSeconds(1)) return notBefore - now;

        var pending = flush.PendingAlerts();
        var names = await views.NamesAsync(ct);
        var ifk = names.Staff.GetValueOrDefault(ifkId) ?? await staff.GetAsync(ifkId, ct);
        if (!bot.IsConfigured) return TimeSpan.FromMinutes(5); // no bot identity yet: nothing can go out, the changes wait
        if (ifk is null || string.IsNullOrWhiteSpace(ifk.AadObjectId) || pending.Count == 0)
        {
            await FinishAsync(table, pk, flush, pending, [], null, ct);
            return null;
        }

        var today = BerlinCalendar.DateOf(now);
        var dayRow = await table.GetEntityIfExistsAsync<AlertRowEntity>(pk, AlertRowEntity.DayKey(today), cancellationToken: ct);
        AlertRowEntity? day = dayRow.HasValue ? dayRow.Value! : new AlertRowEntity { PartitionKey = pk, RowKey = AlertRowEntity.DayKey(today), Count = 0 };
        if (_cap.Deferral(day.Count ?? 0, now, alerts.Hours) is { } later)
        {
            flush.NotBefore = later;
            flush.DeferredBy = "DailyCap";
            try
            {
                await table.UpdateEntityAsync(flush, flush.ETag, TableUpdateMode.Replace, ct);
            }
            catch (RequestFailedException stale) when (stale.Status == 412)
            {
                return TimeSpan.Zero; // a change was added meanwhile: look again at once
            }
            log.LogInformation("Free-place card for {Ifk} postponed to {Later}: daily cap of {Cap} reached", ifkId, later, _cap.CardsPerDay);
            return later - now;
        }

        var subscription = (await SubscriptionsAsync(names, ct)).GetValueOrDefault(ifk.Id) ?? FreePlaceSubscription.DefaultFor(ifk);
        var numbers = pending.Select(p => p.MeasureNumber).Distinct(StringComparer.Ordinal).ToList();
        var states = new Dictionary<string, MeasureState?>(StringComparer.Ordinal);
        foreach (var n in numbers) states[n] = await StateAsync(n, today, ct);
        int Free(string n) => states[n] is { } s && !subscription.IsMuted(n) && FreePlaceViews.Snapshot(s, today) is { HasFreePlaces: true } f ? f.Free : 0;

        var bundle = AlertBundling.Bundle(pending, Free, Math.Max(1, _options.MaxMeasuresPerCard));
        if (bundle.Items.Count > 0)
        {
            var card = FreePlaceAlertCard.Build(new FreePlaceAlertCardData(
                bundle.Items.Select(i => views.Map(states[i.MeasureNumber]!, names, today, subscription)).ToList(), bundle.LeftOut));
            await bot.Proactive.SendCardAsync([(ifk, MessageKey(ifkId, flushId))], _ => card, ct);
            day.Count = (day.Count ?? 0) + 1;
        }
        else
        {
            day = null; // nothing sent: the day's count stays
        }
        // Left-out measures (over the per-card limit) stay for the next card; everything else is done.
        var carried = pending.Where(p => Free(p.MeasureNumber) > 0 && bundle.Items.All(i => i.MeasureNumber != p.MeasureNumber)).ToList();
        await FinishAsync(table, pk, flush, pending.Except(carried).ToList(), carried, day, ct);
        return null;
    }

    /// <summary>
    /// Closes a sent card in one transaction (one partition): the flush row is deleted — or, if changes remain
    /// (left out, or added while the card was built), turned into the next scheduled card — and the card is counted
    /// for the day. The flush row is written under the ETag it was read with; if a change was added meanwhile, it is
    /// read again and everything not on the sent card stays.
    /// </summary>
    private async Task FinishAsync(TableClient table, string pk, AlertRowEntity flush, IReadOnlyList<PendingAlert> consumed,
        IReadOnlyList<PendingAlert> carried, AlertRowEntity? day, CancellationToken ct)
    {
        var remaining = carried;
        for (var attempt = 0; ; attempt++)
        {
            var actions = new List<TableTransactionAction>();
            string? nextFlushId = null;
            DateTimeOffset sendAt = default;
            if (remaining.Count == 0)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, flush, flush.ETag));
            }
            else
            {
                sendAt = AlertBundling.SendAt(time.GetUtcNow(), _options.BundlingWindow, alerts.Hours);
                nextFlushId = Guid.NewGuid().ToString("N");
                var next = new AlertRowEntity
                {
                    PartitionKey = pk, RowKey = AlertRowEntity.FlushRow, FlushId = nextFlushId, NotBefore = sendAt, CreatedAt = time.GetUtcNow(),
                };
                next.SetPending(remaining);
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, flush.ETag));
            }
            if (day is not null)
                actions.Add(day.ETag == default
                    ? new TableTransactionAction(TableTransactionActionType.Add, day)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, day, day.ETag));
            try
            {
                await table.SubmitTransactionAsync(actions, ct);
                if (nextFlushId is not null)
                    await alerts.SendFlushMessageAsync([new FlushRef(Uri.UnescapeDataString(pk), nextFlushId)], sendAt, ct);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 20)
            {
                // A change was added to the flush row meanwhile (or the day row changed): read both again.
                var reread = await table.GetEntityIfExistsAsync<AlertRowEntity>(pk, AlertRowEntity.FlushRow, cancellationToken: ct);
                if (!reread.HasValue) return;
                flush = reread.Value!;
                remaining = flush.PendingAlerts().Where(p => !consumed.Contains(p)).ToList();
                if (day is not null)
                {
                    var dayRow = await table.GetEntityIfExistsAsync<AlertRowEntity>(pk, day.RowKey, cancellationToken: ct);
                    day = dayRow.HasValue ? dayRow.Value! : new AlertRowEntity { PartitionKey = pk, RowKey = day.RowKey };
                    day.Count = (day.Count ?? 0) + 1;
                }
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, FreePlaceSubscription>> SubscriptionsAsync(FreePlaceViews.Names names, CancellationToken ct)
    {
        var now = time.GetTimestamp();
        var cached = _subscriptions;
        if (cached is { } c && time.GetElapsedTime(c.At, now) < SubscriptionCacheLifetime && !c.Subscriptions.IsFaulted) return await c.Subscriptions;
        var load = subscriptions.ListAsync(names.Staff, ct);
        _subscriptions = (now, load);
        return await load;
    }

    /// <summary>
    /// Sends every card whose time has come (scan of the flush rows): the safety net for a lost queue message, for a
    /// timer job or an operator. Returns how many flushes ran.
    /// </summary>
    /// <param name="grace">Only cards overdue by more than this (the queue message normally sends them first).</param>
    public async Task<int> FlushDueAsync(CancellationToken ct, TimeSpan? grace = null)
    {
        var table = await store.AlertsAsync(ct);
        var now = time.GetUtcNow() - (grace ?? TimeSpan.Zero);
        var due = new List<AlertRowEntity>();
        await foreach (var row in table.QueryAsync<AlertRowEntity>(
                           TableClient.CreateQueryFilter($"RowKey eq {AlertRowEntity.FlushRow} and NotBefore le {now}"), cancellationToken: ct))
            due.Add(row);
        var count = 0;
        foreach (var row in due)
        {
            if (await FlushAsync(Unescape(row.PartitionKey), row.FlushId!, ct) is null) count++;
        }
        return count;
    }

    private async Task<MeasureState?> StateAsync(string number, DateOnly today, CancellationToken ct)
    {
        var now = time.GetTimestamp();
        var entry = _states.AddOrUpdate(number, _ => (now, measures.GetAsync(number, today, ct)),
            (_, old) => time.GetElapsedTime(old.At, now) < StateCacheLifetime && !old.State.IsFaulted ? old : (now, measures.GetAsync(number, today, ct)));
        if (_states.Count > 1000)
            foreach (var (k, v) in _states.Where(x => time.GetElapsedTime(x.Value.At, now) > StateCacheLifetime).ToList()) _states.TryRemove(new(k, v));
        return await entry.State is { Closed: false } state ? state : null; // a closed measure drops off pending cards
    }

    private static string Unescape(string key) => Uri.UnescapeDataString(key);
}
