using TeamsAmdl.Storage;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using Azure.Data.Tables;

namespace TeamsAmdl.Functions.FreePlaces;

/// <summary>
/// What became of a change: whether it was announced, to how many IFKs, how many waiting requests were served first, and
/// when the cards go out (<paramref name="DeliverAt"/>, <paramref name="Delivery"/>: a change outside working hours is held
/// until the next working morning, and the answer says so).
/// </summary>
public sealed record ChangeOutcome(string ChangeKey, bool Alerted, string Reason, int Recipients, int Promoted, bool Duplicate, int FreeAfter,
    DateTimeOffset? DeliverAt = null, string? Delivery = null);

/// <summary>
/// R-FREE-1/-3: turns a change of a measure into alerts. In order: serve the waiting list first
/// (<see cref="PlaceRequestService.PromoteAsync"/>); decide with <see cref="FreePlaceTriggers.Evaluate"/> (closed intake,
/// no free place, nothing freed → no alert); record the change once (FreePlaceChanges, keyed by the change, so the same
/// change never alerts twice); then for every subscribed IFK (<see cref="FreePlaceRecipients"/>) note the measure as
/// pending on their scheduled card (<see cref="AddToCardAsync"/>), which goes out at the end of the bundling window,
/// within working hours. <see cref="AlertFlusher"/> sends that card.
/// </summary>
public sealed class FreePlaceAlerts(MeasureRepository measures, StaffRepository staff, SubscriptionRepository subscriptions,
    PlaceRequestService requests, FreePlacesStore store, IOptions<FreePlacesOptions> options, TimeProvider time, ILogger<FreePlaceAlerts> log)
{
    private readonly FreePlacesOptions _options = options.Value;
    private readonly WorkingHours _hours = options.Value.ToWorkingHours();

    public WorkingHours Hours => _hours;

    /// <param name="before">Free places before the change (for changes that free places), at <paramref name="from"/>.</param>
    /// <param name="from">The day the change takes effect (e.g. the day after an exit); default today.</param>
    public async Task<ChangeOutcome> OnChangeAsync(string number, FreePlaceTrigger trigger, string changeKey, FreePlaceSnapshot? before,
        DateOnly? from, string? by, CancellationToken ct)
    {
        var changes = await store.ChangesAsync(ct);
        var rowKey = TableKeys.Escape(changeKey);
        var existing = await changes.GetEntityIfExistsAsync<ChangeEntity>(number, rowKey, cancellationToken: ct);
        if (existing.HasValue && existing.Value!.Status != ChangeEntity.Planned)
            return Duplicate(existing.Value!);

        var promoted = await requests.PromoteAsync(number, ct);
        var today = BerlinCalendar.Today(time);
        var state = await measures.GetAsync(number, today, ct);
        if (state is null)
            return new ChangeOutcome(changeKey, false, $"Die Maßnahme „{number}“ gibt es nicht.", 0, promoted, false, 0);
        if (state.Closed) // archived: never advertised (Measures/README.md)
            return new ChangeOutcome(changeKey, false, $"Die Maßnahme „{number}“ ist geschlossen.", 0, promoted, false, 0);
        var after = FreePlaceSnapshot.Take(state.Measure, state.Participations, state.ReservedRefs.Count, today, from);
        var decision = FreePlaceTriggers.Evaluate(trigger, before, after);

        var change = existing.HasValue ? existing.Value! : new ChangeEntity
        {
            PartitionKey = number, RowKey = rowKey, ChangeKey = changeKey, Trigger = trigger.ToString(),
            Status = decision.Alert ? ChangeEntity.Planned : ChangeEntity.Skipped, Reason = decision.Reason, Free = after.Free,
            EntryDate = StoredDate.Write(after.EntryDate), Promoted = promoted, By = by, At = time.GetUtcNow(),
        };
        if (!existing.HasValue)
        {
            try
            {
                await changes.AddEntityAsync(change, ct);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var raced = (await changes.GetEntityAsync<ChangeEntity>(number, rowKey, cancellationToken: ct)).Value;
                if (raced.Status != ChangeEntity.Planned) return Duplicate(raced);
                change = raced;
            }
        }
        if (change.Status == ChangeEntity.Skipped)
        {
            log.LogInformation("Change {Change} of {Measure}: no alert ({Reason})", changeKey, number, decision.Reason);
            return new ChangeOutcome(changeKey, false, decision.Reason, 0, promoted, false, after.Free);
        }

        var everyone = await staff.ListAsync(ct);
        var byId = everyone.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var subs = await subscriptions.ListAsync(byId, ct);
        var recipients = FreePlaceRecipients.Select(state.Measure, everyone, subs);
        var sendAt = await FanOutAsync(number, changeKey, recipients, ct);

        await changes.UpdateEntityAsync(new TableEntity(number, rowKey)
        {
            [nameof(ChangeEntity.Status)] = ChangeEntity.Done,
            [nameof(ChangeEntity.Recipients)] = recipients.Count,
        }, ETag.All, TableUpdateMode.Merge, ct);
        log.LogInformation("Change {Change} of {Measure}: {Free} free, {Count} IFKs notified", changeKey, number, after.Free, recipients.Count);
        if (recipients.Count == 0) return new ChangeOutcome(changeKey, true, decision.Reason, 0, promoted, false, after.Free);
        var delivery = Delivery.DeliveryTime.At(sendAt, time.GetUtcNow());
        return new ChangeOutcome(changeKey, true, decision.Reason, recipients.Count, promoted, false, after.Free, delivery.DeliverAt, delivery.Delivery);
    }

    private static ChangeOutcome Duplicate(ChangeEntity c) =>
        new(c.ChangeKey, false, "Diese Änderung wurde bereits gemeldet.", c.Recipients, 0, true, c.Free);

    /// <summary>
    /// Notes the change for each recipient on their scheduled card: creates the "flush" row with this change, or adds
    /// the change to the card already scheduled. New cards are announced to the alert worker with queue messages that
    /// become visible when the cards are due, up to <see cref="FlushBatchSize"/> cards per message. Returns when new
    /// cards are due (a card already scheduled goes out earlier, with this change on it).
    /// </summary>
    public async Task<DateTimeOffset> FanOutAsync(string number, string changeKey, IReadOnlyList<Staff> recipients, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sendAt = AlertBundling.SendAt(now, _options.BundlingWindow, _hours);
        var alert = new PendingAlert(number, changeKey, now);
        var gate = new Lock();
        var scheduled = new List<FlushRef>();
        await Parallel.ForEachAsync(recipients, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.FanOutConcurrency), CancellationToken = ct },
            async (ifk, token) =>
            {
                if (await AddToCardAsync(ifk.Id, [alert], sendAt, token, announce: false) is not { } flushId) return;
                FlushRef[]? full = null;
                lock (gate)
                {
                    scheduled.Add(new FlushRef(ifk.Id, flushId));
                    if (scheduled.Count >= FlushBatchSize)
                    {
                        full = scheduled.ToArray();
                        scheduled.Clear();
                    }
                }
                if (full is not null) await SendFlushMessageAsync(full, sendAt, token); // the first cards go out while the rest is planned
            });
        if (scheduled.Count > 0) await SendFlushMessageAsync(scheduled, sendAt, ct);
        return sendAt;
    }

    /// <summary>Cards announced per queue message by a fan-out (a message is handled by one worker, its cards in parallel).</summary>
    public const int FlushBatchSize = 16;

    /// <summary>
    /// Puts <paramref name="alerts"/> on the card scheduled for <paramref name="ifkId"/>; schedules one for
    /// <paramref name="sendAt"/> if there is none. Returns the new card's flush id, or null when a scheduled card
    /// took the changes. With <paramref name="announce"/> false the caller sends the queue message.
    /// </summary>
    public async Task<string?> AddToCardAsync(string ifkId, IReadOnlyList<PendingAlert> alerts, DateTimeOffset sendAt, CancellationToken ct,
        bool announce = true)
    {
        var table = await store.AlertsAsync(ct);
        var pk = TableKeys.Escape(ifkId);
        // Read first, then insert or update conditionally: most fan-outs find a card already scheduled, and an insert
        // that fails with 409 only to be read afterwards cost a failed request (and an exception) per IFK.
        for (var attempt = 0; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<AlertRowEntity>(pk, AlertRowEntity.FlushRow, cancellationToken: ct);
            AlertRowEntity? added = null;
            try
            {
                if (existing.HasValue)
                {
                    // A card is scheduled already: it collects these changes too.
                    var row = existing.Value!;
                    row.SetPending(row.PendingAlerts().Concat(alerts));
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                    return null;
                }
                added = NewFlush(ifkId, sendAt);
                added.SetPending(alerts);
                await table.AddEntityAsync(added, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 20)
            {
                // Raced: another fan-out scheduled a card (409), or the card is being sent right now (404, 412). Read again.
                continue;
            }
            if (announce) await SendFlushMessageAsync([new FlushRef(ifkId, added.FlushId!)], sendAt, ct);
            return added.FlushId;
        }
    }

    private AlertRowEntity NewFlush(string ifkId, DateTimeOffset sendAt) => new()
    {
        PartitionKey = TableKeys.Escape(ifkId), RowKey = AlertRowEntity.FlushRow, FlushId = Guid.NewGuid().ToString("N"), NotBefore = sendAt,
        CreatedAt = time.GetUtcNow(),
    };

    internal async Task SendFlushMessageAsync(IReadOnlyList<FlushRef> cards, DateTimeOffset sendAt, CancellationToken ct)
    {
        var queue = await store.AlertQueueAsync(ct);
        var delay = sendAt - time.GetUtcNow();
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        if (delay > MaxVisibility) delay = MaxVisibility; // the worker looks again and hides it for the rest
        await queue.SendMessageAsync(FlushMessage.Write(cards), QueueMessageLease.WholeSeconds(delay), NeverExpire, ct);
    }

    internal static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(6);
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);
}

/// <summary>One scheduled card: IFK <paramref name="I"/>, flush <paramref name="F"/>.</summary>
public sealed record FlushRef(
    [property: System.Text.Json.Serialization.JsonPropertyName("i")] string I,
    [property: System.Text.Json.Serialization.JsonPropertyName("f")] string F);

/// <summary>The alert queue's message: the cards to send, {"c": [{"i": staff id, "f": flush id}, …]}.</summary>
public static class FlushMessage
{
    private sealed record Body([property: System.Text.Json.Serialization.JsonPropertyName("c")] List<FlushRef>? C);

    public static string Write(IEnumerable<FlushRef> cards) => JsonSerializer.Serialize(new Body(cards.ToList()));

    /// <summary>The cards of a message, or null when it is unreadable.</summary>
    public static IReadOnlyList<FlushRef>? Parse(string text)
    {
        try
        {
            var cards = JsonSerializer.Deserialize<Body>(text)?.C;
            return cards is { Count: > 0 } && cards.All(c => !string.IsNullOrEmpty(c.I) && !string.IsNullOrEmpty(c.F)) ? cards : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
