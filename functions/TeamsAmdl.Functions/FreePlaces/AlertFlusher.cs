using TeamsAmdl.Storage;
using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Options;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

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
    private (DateTime At, Task<IReadOnlyDictionary<string, FreePlaceSubscription>> Subscriptions)? _subscriptions;
    private readonly ConcurrentDictionary<string, (DateTime At, Task<MeasureState?> State)> _states = new(StringComparer.Ordinal);
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
        var now = DateTime.UtcNow;
        var cached = _subscriptions;
        if (cached is { } c && now - c.At < SubscriptionCacheLifetime && !c.Subscriptions.IsFaulted) return await c.Subscriptions;
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
        var now = DateTime.UtcNow;
        var entry = _states.AddOrUpdate(number, _ => (now, measures.GetAsync(number, today, ct)),
            (_, old) => now - old.At < StateCacheLifetime && !old.State.IsFaulted ? old : (now, measures.GetAsync(number, today, ct)));
        if (_states.Count > 1000)
            foreach (var (k, v) in _states.Where(x => now - x.Value.At > StateCacheLifetime).ToList()) _states.TryRemove(new(k, v));
        return await entry.State;
    }

    private static string Unescape(string key) => Uri.UnescapeDataString(key);
}

/// <summary>
/// Consumes the alert queue in the app process: each message is one IFK's scheduled card; it becomes visible when
/// the card is due (bundling window, working hours). FreePlaces:RunAlertWorker=false switches it off.
/// </summary>
public sealed class AlertWorkerService(FreePlacesStore store, IServiceProvider services, IOptions<FreePlacesOptions> options,
    ILogger<AlertWorkerService> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    private const int MaxDequeueCount = 10;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.WorkerConcurrency));
    // Paces card building to a little above what Teams accepts (see FreePlacesOptions.MaxCardsPerSecond).
    private readonly System.Threading.RateLimiting.TokenBucketRateLimiter _pace = new(new System.Threading.RateLimiting.TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, options.Value.MaxCardsPerSecond / 10), TokensPerPeriod = Math.Max(1, options.Value.MaxCardsPerSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100), QueueLimit = int.MaxValue, AutoReplenishment = true,
        QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst,
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await store.AlertQueueAsync(stoppingToken);
                var messages = (await queue.ReceiveMessagesAsync(32, QueueMessageLease.WholeSeconds(Lease), stoppingToken)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, o.WorkerMaxPollInterval.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(100);
                // All cards of the batch at once, at most WorkerConcurrency in flight (_slots).
                await Task.WhenAll(messages.Select(m => ProcessSafeAsync(queue, m, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Free-place alert worker: receiving failed; retrying in 5 s");
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken ct)
    {
        var cards = FlushMessage.Parse(message.MessageText);
        if (cards is null || message.DequeueCount > MaxDequeueCount)
        {
            log.LogError("Free-place alert message {Id} dropped (unreadable or {Count} attempts): {Text}", message.MessageId, message.DequeueCount,
                message.MessageText.Length > 200 ? message.MessageText[..200] : message.MessageText);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            return;
        }
        var again = new System.Collections.Concurrent.ConcurrentQueue<(FlushRef Card, TimeSpan Delay)>();
        await Parallel.ForEachAsync(cards, new ParallelOptions { MaxDegreeOfParallelism = cards.Count, CancellationToken = ct }, async (card, token) =>
        {
            await _slots.WaitAsync(token);
            try
            {
                using var lease = await _pace.AcquireAsync(1, token);
                if (await services.GetRequiredService<AlertFlusher>().FlushAsync(card.I, card.F, token) is { } later) again.Enqueue((card, later));
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                log.LogError(e, "Free-place card {Flush} for {Ifk} failed; trying again in {Delay}", card.F, card.I, RetryDelay);
                again.Enqueue((card, RetryDelay));
            }
            finally
            {
                _slots.Release();
            }
        });
        // Postponed (daily cap, not due yet) or failed cards get a message of their own for the new time, so that
        // waiting does not use up attempts; then the message is done.
        foreach (var (card, delay) in again)
            await queue.SendMessageAsync(FlushMessage.Write([card]), QueueMessageLease.WholeSeconds(Clamp(delay)), TimeSpan.FromSeconds(-1), CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    private async Task ProcessSafeAsync(QueueClient queue, QueueMessage message, CancellationToken ct)
    {
        try
        {
            await ProcessAsync(queue, message, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Free-place alert message {Id} failed; it is tried again in {Lease}", message.MessageId, Lease);
        }
    }

    private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t > FreePlaceAlerts.MaxVisibility ? FreePlaceAlerts.MaxVisibility : t;
}
