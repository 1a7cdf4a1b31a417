using Microsoft.Extensions.Options;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Digest;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Digest;

/// <summary>
/// R-INFO-1: every 15 minutes (UTC), asks <see cref="WeeklyInputSchedule.Due"/> what is due this week (Berlin) per
/// Betreuer: the request card (all their running measures, pre-filled) once the configured weekday/time has come,
/// and one reminder (only the measures still missing) after the reminder time. Idempotent: the outbox keys
/// ("digest-request:{week}:{betreuer}:{part}", "digest-reminder:…") never send a card twice, and the row in
/// DigestRequests records what went out so later runs skip that Betreuer.
/// </summary>
public sealed class WeeklyInputJob(
    WeekService weeks,
    DigestInputRepository inputs,
    StaffRepository staff,
    WeeklyInputCards cards,
    Lazy<Proactive> bot,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<WeeklyInputJob> log) : ITimerJob
{
    public const string JobName = "digest-requests";

    public string Name => JobName;

    public const string Cron = "0 */15 * * * *";
    public string Schedule => Cron;

    public async Task RunAsync(TimerRun run, CancellationToken ct)
    {
        var schedule = options.Value.Schedule();
        var now = time.GetUtcNow();
        var week = WeekKey.At(now);
        if (now < schedule.RequestAt(week)) return;

        var data = await weeks.LoadAsync(week, ct);
        var requests = await inputs.ListRequestsAsync(week, ct);
        var people = (await staff.ListAsync(ct)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        Proactive? proactive = null;
        var sentRequests = 0;
        var sentReminders = 0;

        foreach (var group in data.Measures.GroupBy(m => m.Measure.BetreuerId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var marker = requests.GetValueOrDefault(group.Key);
            var due = schedule.Due(now, marker?.RequestQueuedAt, marker?.ReminderQueuedAt is not null);
            if (!due.Request && !due.Reminder) continue;
            if (!people.TryGetValue(group.Key, out var betreuer) || string.IsNullOrWhiteSpace(betreuer.AadObjectId))
            {
                log.LogWarning("Weekly input {Week}: Betreuer {Betreuer} of {Count} measure(s) cannot be reached in Teams (unknown or no AAD id)",
                    week, group.Key, group.Count());
                continue;
            }
            var measures = due.Request ? group.ToList() : group.Where(m => m.Input is null).ToList();
            marker ??= new DigestRequestEntity { PartitionKey = week.ToString(), RowKey = group.Key };
            if (measures.Count > 0)
            {
                proactive ??= bot.Value;
                var list = cards.Build(week, betreuer.DisplayName, measures, reminder: !due.Request, data.Today);
                var kind = due.Request ? "digest-request" : "digest-reminder";
                for (var i = 0; i < list.Count; i++)
                {
                    var card = list[i];
                    await proactive.SendCardAsync([(betreuer, $"{kind}:{week}:{betreuer.Id}:{i + 1:D2}")], _ => card, ct);
                }
            }
            if (due.Request)
            {
                marker.RequestQueuedAt = now;
                marker.RequestMeasures = measures.Count;
                sentRequests++;
            }
            else
            {
                marker.ReminderQueuedAt = now;
                marker.ReminderMeasures = measures.Count;
                if (measures.Count > 0) sentReminders++;
            }
            await inputs.SaveRequestAsync(marker, ct);
        }
        if (sentRequests + sentReminders > 0)
            log.LogInformation("Weekly input {Week}: {Requests} request(s), {Reminders} reminder(s) queued", week, sentRequests, sentReminders);
    }
}
