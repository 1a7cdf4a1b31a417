using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Outlook;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Functions.Timers;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>What one run of <see cref="RatingReminderJob"/> did.</summary>
public sealed record RatingReminderRun(int Reminders, int Overdue, int Invitations, int FollowUps);

/// <summary>
/// R-RATE-5: reminders 14, 7 and 1 day before the deadline to assessors who have not submitted, and after the deadline
/// one overdue card to the coordinator (the measure's Koordinator:in and the requester). Runs hourly from 06:00 to
/// 16:00 UTC (07:00/08:00–17:00/18:00 in Berlin); what is due is worked out per Berlin date by
/// <see cref="ReminderSchedule"/>, so the first run of a day sends and later runs find nothing. Only open assignments
/// are looked at: a submission (or a closed request) stops the reminders. Idempotent twice over: the outbox key per
/// (request, assessor, slot) sends a card at most once, and the assignment row records the slot.
/// Also repairs what a crash may have left: request cards not yet queued and follow-ups of submissions not finished.
/// </summary>
public sealed class RatingReminderJob(RatingStore store, RatingRequests requests, RatingFollowUps followUps, StaffRepository staff,
    Lazy<Proactive> bot, ChannelDelivery delivery, TimeProvider time, ILogger<RatingReminderJob> log) : ITimerJob
{
    public const string JobName = "ratings-reminders";

    /// <summary>Follow-ups younger than this are left to the submit that is still running them.</summary>
    public static readonly TimeSpan FollowUpGrace = TimeSpan.FromMinutes(2);

    public string Name => JobName;
    public const string Cron = "0 0 6-16 * * *";
    public string Schedule => Cron;

    public static string ReminderKey(string ratingId, string assessorId, int slot) => $"rating:{ratingId}:{assessorId}:reminder:{slot}";
    public static string OverdueKey(string ratingId, string assessorId, string coordinatorId) => $"rating:{ratingId}:{assessorId}:overdue:{coordinatorId}";

    public Task RunAsync(TimerRun run, CancellationToken ct) => RunOnceAsync(ct);

    public async Task<RatingReminderRun> RunOnceAsync(CancellationToken ct)
    {
        var today = BerlinCalendar.Today(time);
        int reminders = 0, overdue = 0, invitations = 0, repaired = 0;
        var open = await store.ListAssignmentsAsync(RatingStatus.Open, ct);
        var requestsById = new Dictionary<string, RatingRequestRow?>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, Staff>? people = null;
        var proactive = open.Count > 0 ? bot.Value : null;

        foreach (var a in open)
        {
            try
            {
                if (!requestsById.TryGetValue(a.RatingId, out var r)) requestsById[a.RatingId] = r = await store.GetRequestAsync(a.RatingId, ct);
                if (r is null || r.Status != RatingStatus.Open) continue;
                if (!a.InvitationQueued)
                {
                    invitations += await requests.SendInvitationsAsync(a.RatingId, ct);
                    continue; // the request card is the news today
                }
                switch (ReminderSchedule.Due(r.SentOn, r.Deadline, today, a.RemindersSent, a.OverdueNotified))
                {
                    case ReminderDue.Reminder due:
                        // By the assessor's channel (Teams, Outlook mail or both, issue 17).
                        await delivery.SendAsync([new PersonalCard(RatingRequests.ToStaff(a), ReminderKey(a.RatingId, a.AssessorId, due.Slot),
                            RatingCards.Reminder(r, a, today), OutlookTexts.ReminderSubject(r.TraegerName, r.MeasureNumber, r.Deadline))], ct);
                        await store.UpdateAssignmentAsync(a with { RemindersSent = [.. a.RemindersSent, due.Slot] }, ct);
                        reminders++;
                        break;
                    case ReminderDue.Overdue:
                        people ??= (await staff.ListAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
                        var coordinators = new[] { r.KoordinatorId, r.RequestedBy }.Distinct(StringComparer.Ordinal)
                            .Select(id => people.GetValueOrDefault(id)).OfType<Staff>().Where(p => !string.IsNullOrWhiteSpace(p.AadObjectId)).ToList();
                        if (coordinators.Count > 0)
                            await proactive!.SendCardAsync(coordinators.Select(c => (c, OverdueKey(a.RatingId, a.AssessorId, c.Id))),
                                _ => RatingCards.Overdue(r, a, today), ct);
                        else
                            log.LogWarning("Bewertung {Rating}/{Assessor} überfällig, aber keine Koordination erreichbar", a.RatingId, a.AssessorId);
                        await store.UpdateAssignmentAsync(a with { OverdueNotified = true }, ct);
                        overdue++;
                        break;
                }
            }
            catch (Exception e) when (RatingStore.IsConflict(e))
            {
                log.LogInformation("Bewertung {Rating}/{Assessor} änderte sich während des Laufs; der nächste Lauf prüft erneut", a.RatingId, a.AssessorId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Erinnerung für {Rating}/{Assessor} fehlgeschlagen", a.RatingId, a.AssessorId);
            }
        }

        var now = time.GetUtcNow();
        foreach (var a in await store.ListAssignmentsAsync(RatingStatus.Submitted, ct))
        {
            if (a.FollowUpsDone || a.SubmittedAt is not { } at || now - at < FollowUpGrace) continue;
            try
            {
                if (await followUps.RunAsync(a.RatingId, a.AssessorId, ct)) repaired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Folgeschritte für {Rating}/{Assessor} fehlgeschlagen", a.RatingId, a.AssessorId);
            }
        }
        if (reminders + overdue + invitations + repaired > 0)
            log.LogInformation("Bewertungen am {Today}: {Reminders} Erinnerungen, {Overdue} überfällig gemeldet, {Invitations} Anfragen nachgesendet, {Repaired} Folgeschritte nachgeholt",
                today, reminders, overdue, invitations, repaired);
        return new RatingReminderRun(reminders, overdue, invitations, repaired);
    }
}
