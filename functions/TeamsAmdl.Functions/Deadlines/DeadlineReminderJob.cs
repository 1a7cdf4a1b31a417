using Azure.Data.Tables;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Deadlines;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.FreePlaces;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Deadlines;

/// <summary>What one run of <see cref="DeadlineReminderJob"/> queued.</summary>
public sealed record DeadlineReminderRun(int Cards, int ContactFlags);

/// <summary>
/// Daily at 06:30 UTC (07:30/08:30 in Berlin): the notices <see cref="DeadlineSchedule"/> says are due today (R-TN-2/4) and
/// the LAP months below 2 personal contacts (R-TN-3) not yet flagged. Idempotent twice over: the outbox key per (measure,
/// item, stage, recipient) queues a card at most once, and the mark row records the stage, so a second run the same day
/// (or a repeat after a crash) finds nothing. A received item is never announced.
/// </summary>
public sealed class DeadlineReminderJob(DeadlineStore store, DeadlineTables tables, MeasureRepository measures, StaffRepository staff,
    Lazy<Proactive> bot, TimeProvider time, ILogger<DeadlineReminderJob> log) : ITimerJob
{
    public const string JobName = "deadlines-reminders";
    public const string Cron = "0 30 6 * * *";

    public string Name => JobName;
    public string Schedule => Cron;

    public static string NoticeKey(string measure, string itemKey, NoticeStage stage, string staffId) => $"deadline:{measure}:{itemKey}:{stage}:{staffId}";
    public static string ContactKey(string measure, string rowKey) => $"deadline:{measure}:contacts:{rowKey}";

    public Task RunAsync(TimerRun run, CancellationToken ct) => RunOnceAsync(ct);

    public async Task<DeadlineReminderRun> RunOnceAsync(CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        // Escalation is at most ~12 days after the due day (5 working days around Christmas), plus the lateness allowed.
        var items = await store.LoadAsync(today.AddDays(-(DeadlineSchedule.MaxLateness + 14)), today, ct);
        var people = (await staff.ListAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        int cards = 0, flags = 0;
        foreach (var t in items)
        {
            var notices = DeadlineSchedule.Due(t.Item, today, t.Received, (t.Mark?.SentStages ?? new HashSet<string>())
                .Select(s => Enum.Parse<NoticeStage>(s)).ToHashSet());
            foreach (var stage in notices.GroupBy(n => n.Stage))
            {
                var to = stage.Select(n => n.To switch
                    {
                        NoticeRecipient.Ifk => t.Item.IfkId,
                        NoticeRecipient.Betreuer => t.Measure.BetreuerId,
                        _ => t.Measure.KoordinatorId,
                    })
                    .OfType<string>().Distinct(StringComparer.Ordinal)
                    .Select(id => people.GetValueOrDefault(id)).OfType<Staff>().Where(p => p.CanReceiveCards).ToList();
                if (to.Count > 0)
                    await bot.Value.SendCardAsync(to.Select(p => (p, NoticeKey(t.Measure.Number, t.Item.Key, stage.Key, p.Id))),
                        p => DeadlineCards.Notice(t.Measure, t.Item, stage.Key, PlaceRequestService.CanDecide(p, t.Measure)), ct);
                else
                    log.LogWarning("Frist {Key} in {Measure}: niemand erreichbar für {Stage}", t.Item.Key, t.Measure.Number, stage.Key);
                await store.MarkSentAsync(t.Item, stage.Key, ct);
                cards += to.Count;
            }
        }

        var lap = (await measures.ListAsync(today, ct, includeClosed: true)).ToDictionary(s => s.Measure.Number, s => s.Measure, StringComparer.Ordinal);
        await foreach (var row in tables.Contacts.QueryAsync<ContactMonth>(
                           TableClient.CreateQueryFilter($"Flagged eq false and Personal lt {ContactDensity.MinimumPersonal}"), cancellationToken: ct))
        {
            if (!lap.TryGetValue(row.PartitionKey, out var m) || people.GetValueOrDefault(m.BetreuerId) is not { CanReceiveCards: true } betreuer) continue;
            var month = ContactDensity.MonthLabel(DateOnly.ParseExact(row.Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await bot.Value.SendCardAsync([(betreuer, ContactKey(m.Number, row.RowKey))],
                _ => DeadlineCards.ContactsBelow(m, row.CustomerRef, month, row.Personal), ct);
            row.Flagged = true;
            try
            {
                await tables.Contacts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, ct);
            }
            catch (Exception e) when (Optimistic.IsStale(e))
            {
                continue; // re-imported meanwhile: the next run looks at the new figures (the card key stays the same)
            }
            flags++;
        }
        if (cards + flags > 0)
            log.LogInformation("Fristen am {Today}: {Cards} Karten, {Flags} Kontaktdichte-Hinweise", today, cards, flags);
        return new DeadlineReminderRun(cards, flags);
    }
}
