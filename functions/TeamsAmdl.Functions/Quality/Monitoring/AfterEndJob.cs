using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality.Monitoring;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Endpoints;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Monitoring;

/// <summary>What one run of <see cref="AfterEndJob"/> did.</summary>
public sealed record AfterEndRun(int Opened, int Reminded);

/// <summary>
/// R-QA-4, the tasks after a measure's end (<see cref="AfterEndSchedule"/>): opens the Abschlussbericht review and,
/// 6 months after the end, the Eingliederungserfolg for the measure's Koordinator:in and Betreuer:in (a card each), and
/// reminds them once when a task is overdue. Runs daily at 06:30 UTC. Never twice: the task row (QualityTasks) records
/// the opening and the reminder under its ETag, and the outbox key per (measure, task, step, person) queues a card once
/// even when a run dies between queueing and saving the row.
/// </summary>
public sealed class AfterEndJob(MonitoringStore store, MeasureRepository measures, StaffRepository staff, Names names, Lazy<Proactive> bot,
    TimeProvider time, ILogger<AfterEndJob> log) : ITimerJob
{
    public const string JobName = "quality-after-end";
    public const string Cron = "0 30 6 * * *";

    public string Name => JobName;
    public string Schedule => Cron;

    public static string CardKey(string measure, AfterEndTaskKind kind, AfterEndDue step, string staffId) =>
        $"quality:task:{measure}:{kind}:{step}:{staffId}";

    public Task RunAsync(TimerRun run, CancellationToken ct) => RunOnceAsync(ct);

    public async Task<AfterEndRun> RunOnceAsync(CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var rows = (await store.ListTasksAsync(ct)).ToDictionary(r => (r.MeasureNumber, r.Kind));
        Names.Lookup? lookup = null;
        IReadOnlyDictionary<string, Staff>? people = null;
        int opened = 0, reminded = 0;
        foreach (var m in await measures.ListMeasuresAsync(ct, includeClosed: true))
        {
            if (!MonitoringScope.Covers(m.Kind) || m.End >= today) continue;
            foreach (var plan in AfterEndSchedule.For(m))
            {
                // An opened task keeps its dates; before that, the plan follows the measure's current end.
                var row = rows.GetValueOrDefault((m.Number, plan.Kind)) is { } stored
                    ? stored.OpenedAt is null ? stored with { OpensOn = plan.OpensOn, DueOn = plan.DueOn } : stored
                    : new AfterEndTaskRow(m.Number, plan.Kind, plan.OpensOn, plan.DueOn);
                var due = AfterEndSchedule.Due(row.Plan, today, row.OpenedAt is not null, row.RemindedAt is not null, row.Done);
                if (due == AfterEndDue.Nothing) continue;
                try
                {
                    lookup ??= await names.LoadAsync(ct);
                    people ??= (await staff.ListAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
                    var recipients = new[] { m.KoordinatorId, m.BetreuerId }.Distinct(StringComparer.Ordinal)
                        .Select(id => people.GetValueOrDefault(id)).OfType<Staff>().Where(p => p.CanReceiveCards).ToList();
                    var participants = plan.Kind == AfterEndTaskKind.Eingliederungserfolg ? (await measures.ParticipationsAsync(m.Number, ct)).Count : 0;
                    var card = AfterEndCards.Build(row, m, lookup.Traeger.GetValueOrDefault(m.TraegerId, m.TraegerId), participants,
                        reminder: due == AfterEndDue.Reminder);
                    if (recipients.Count > 0)
                        await bot.Value.SendCardAsync(recipients.Select(p => (p, CardKey(m.Number, plan.Kind, due, p.Id))), _ => card, ct);
                    else
                        log.LogWarning("Aufgabe {Task} zu {Measure}: weder Koordination noch Betreuung erreichbar", plan.Kind, m.Number);
                    var now = time.GetUtcNow();
                    await store.SaveTaskAsync(due == AfterEndDue.Open ? row with { OpenedAt = now } : row with { RemindedAt = now }, ct);
                    if (due == AfterEndDue.Open) opened++;
                    else reminded++;
                }
                catch (Exception e) when (MonitoringStore.IsConflict(e))
                {
                    log.LogInformation("Aufgabe {Task} zu {Measure} änderte sich während des Laufs; der nächste Lauf prüft erneut", plan.Kind, m.Number);
                }
            }
        }
        if (opened + reminded > 0)
            log.LogInformation("Aufgaben nach Maßnahmeende am {Today}: {Opened} geöffnet, {Reminded} erinnert", today, opened, reminded);
        return new AfterEndRun(opened, reminded);
    }
}
