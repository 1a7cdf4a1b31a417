using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>What one run of <see cref="InspectionReminderJob"/> queued.</summary>
public sealed record InspectionReminderRun(int Reminders, int Escalations);

/// <summary>
/// R-QA-1/R-QA-3 timer: reminders 14 and 2 days before every inspection not yet recorded (<see cref="InspectionReminders"/>)
/// to the measure's Koordinator and Betreuer, and Mängel in Stufe 1 whose deadline has passed moved to "Frist versäumt"
/// (<see cref="MangelService"/>, which tells the Fachkräfte S&amp;QS). Hourly 06:00–16:00 UTC; what is due is worked out per
/// Berlin date, so the first run of a day sends and later runs find nothing new. Never twice: a reminder's outbox key
/// names measure, inspection, date, slot and person (a moved date gets its own reminders), the outbox keeps keys across
/// restarts, and an escalation is a state change under the row's ETag (a second run finds the Mangel no longer in Stufe 1).
/// Mängel whose step notice a crash left pending get it queued here (<see cref="MangelService.CompleteNoticesAsync"/>).
/// </summary>
public sealed class InspectionReminderJob(MeasureRepository measures, TraegerRepository traeger, StaffRepository staff, InspectionStore store,
    MangelService maengel, Lazy<Proactive> bot, TimeProvider time, ILogger<InspectionReminderJob> log) : ITimerJob
{
    public const string JobName = "quality-inspection-reminders";
    public const string Cron = "0 0 6-16 * * *";

    public string Name => JobName;
    public string Schedule => Cron;

    public static string ReminderKey(string number, string inspectionId, DateOnly date, int slot, string staffId) =>
        $"inspection:{number}:{inspectionId}:{InspectionViews.Day(date)}:{slot}:{staffId}";

    public Task RunAsync(TimerRun run, CancellationToken ct) => RunOnceAsync(ct);

    public async Task<InspectionReminderRun> RunOnceAsync(CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        var data = await store.LoadAsync(null, ct);
        var records = data.Inspections.Select(i => i.Value).ToLookup(i => i.MeasureNumber, StringComparer.Ordinal);
        IReadOnlyDictionary<string, Staff>? people = null;
        IReadOnlyDictionary<string, string>? traegerNames = null;
        int reminders = 0, escalations = 0;

        foreach (var m in await measures.ListMeasuresAsync(ct))
        {
            foreach (var s in InspectionSchedule.Merge(m.Kind, m.Start, m.End, records[m.Number].Select(r => r.ToStored())))
            {
                if (s.Status == InspectionStatus.Recorded || InspectionReminders.Due(s.Date, today) is not { } slot) continue;
                people ??= (await staff.ListAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
                traegerNames ??= (await traeger.ListAsync(ct)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
                var to = new[] { m.KoordinatorId, m.BetreuerId }.Distinct(StringComparer.Ordinal)
                    .Select(id => people.GetValueOrDefault(id)).OfType<Staff>().Where(p => p.CanReceiveCards).ToList();
                if (to.Count == 0)
                {
                    log.LogWarning("Prüfung {Measure}/{Inspection}: weder Koordination noch Betreuung erreichbar", m.Number, s.Id);
                    continue;
                }
                var card = InspectionReminderCard.Build(new InspectionReminderCardData(m.Number, m.Title, traegerNames.GetValueOrDefault(m.TraegerId, m.TraegerId),
                    s.Id, InspectionTexts.Kind(s.Kind, s.Months), InspectionTexts.Status(s.Status), s.Date, s.Date.DayNumber - today.DayNumber));
                try
                {
                    var result = await bot.Value.SendCardAsync(to.Select(p => (p, ReminderKey(m.Number, s.Id, s.Date, slot, p.Id))), _ => card, ct);
                    reminders += result.Enqueued.Count;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Erinnerung für Prüfung {Measure}/{Inspection} fehlgeschlagen", m.Number, s.Id);
                }
            }
        }

        foreach (var x in data.Maengel.Select(v => v.Value))
        {
            if (x.PendingNotices is { Count: > 0 })
            {
                // A step saved but its cards not confirmed queued (the app died in between): queue them now, once.
                try
                {
                    await maengel.CompleteNoticesAsync(x.MeasureNumber, x.Id, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Completing the pending notice of Mangel {Measure}/{Mangel} failed", x.MeasureNumber, x.Id);
                }
            }
            if (x.Status != MangelStatus.Stufe1 || x.Deadline is not { } d || today < MangelRules.EscalatesOn(d)) continue;
            try
            {
                var outcome = await maengel.TransitionAsync(null, x.MeasureNumber, x.Id, new MangelTransitionBody(nameof(MangelAction.FristVersaeumt), null), ct);
                if (outcome.Ok) escalations++;
                else log.LogInformation("Mangel {Measure}/{Mangel}: {Code}", x.MeasureNumber, x.Id, outcome.Code);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Eskalation für Mangel {Measure}/{Mangel} fehlgeschlagen", x.MeasureNumber, x.Id);
            }
        }
        if (reminders + escalations > 0)
            log.LogInformation("Qualitätskalender am {Today}: {Reminders} Prüfungserinnerungen, {Escalations} Fristversäumnisse", today, reminders, escalations);
        return new InspectionReminderRun(reminders, escalations);
    }
}
