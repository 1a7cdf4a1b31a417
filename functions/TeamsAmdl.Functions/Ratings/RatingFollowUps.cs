using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// What follows an accepted submission: on an auffällig rating a card to the Koordinierende Führungskraft and to the
/// Führungskraft of the measure's Betreuer:in (R-RATE-4), and the Bewertungsbogen rendered and queued in the e-Akte
/// filing outbox (R-RATE-5, <see cref="RatingDocument"/>). Every step is idempotent (bot outbox keys; the filing outbox
/// dedupes by path + content hash); the assignment row records FollowUpsDone and the filing job at the end. The submit handler runs it at once; the reminder job repeats it for submissions whose
/// follow-ups did not finish (crash, storage hiccup).
/// </summary>
// Filing's services are missing only when its settings are unusable; the start then stops (StartupChecks), but the
// container is still built (and validated in Development), hence optional.
public sealed class RatingFollowUps(RatingStore store, TemplateStore templates, StaffRepository staff,
    Lazy<Proactive> proactive, TimeProvider time, ILogger<RatingFollowUps> log,
    BewertungsbogenRenderer? renderer = null, FilingOutbox? filing = null)
{
    public static string FlaggedKey(string ratingId, string assessorId, string recipientId) => $"rating:{ratingId}:{assessorId}:flagged:{recipientId}";

    /// <summary>True when the follow-ups are done (now or earlier).</summary>
    public async Task<bool> RunAsync(string ratingId, string assessorId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var s = await store.LoadAsync(ratingId, ct);
            var a = s?.AssignmentOf(assessorId);
            if (s is null || a is null || a.Status != RatingStatus.Submitted) return false;
            if (a.FollowUpsDone) return true;
            var t = await templates.GetAsync(s.Request.TemplateId, s.Request.TemplateVersion, ct)
                    ?? throw new InvalidOperationException($"Template {s.Request.TemplateId} v{s.Request.TemplateVersion} is missing.");
            var people = (await staff.ListAsync(ct)).ToDictionary(p => p.Id, StringComparer.Ordinal);
            if (a.Auffaellig)
            {
                var today = BerlinCalendar.Today(time);
                var managers = Managers(s.Request, people);
                if (managers.Count == 0)
                    log.LogWarning("Auffällige Bewertung {Rating}/{Assessor}: keine Führungskraft gefunden", ratingId, assessorId);
                var betreuer = people.TryGetValue(s.Request.BetreuerId, out var b) ? b.DisplayName : null;
                await proactive.Value.SendCardAsync(
                    managers.Select(m => (m, FlaggedKey(ratingId, assessorId, m.Id))),
                    _ => RatingCards.Flagged(s, t, a, betreuer, today), ct);
            }
            var receipt = await RatingDocument.QueueAsync(renderer ?? throw NoFiling(), filing ?? throw NoFiling(), s, t, a, ct);
            try
            {
                await store.UpdateAssignmentAsync(a with { FollowUpsDone = true, FilingJobId = receipt.JobId, FilingPath = receipt.Path }, ct);
                log.LogInformation("Bewertung {Rating}/{Assessor}: Folgeschritte erledigt (auffällig: {Auffaellig}, e-Akte {Path})",
                    ratingId, assessorId, a.Auffaellig, receipt.Path);
                return true;
            }
            catch (Exception e) when (RatingStore.IsConflict(e))
            {
                // Changed meanwhile (e.g. the reminder job's bookkeeping): everything above is idempotent, go again.
            }
        }
        return false;
    }

    private static InvalidOperationException NoFiling() => new("Filing is not configured (Filing settings unusable).");

    /// <summary>
    /// The Koordinierende Führungskraft (the first one up the management line of the measure's Koordinator, then of the
    /// requester; if there is none, every staff member with that role) and the manager of the measure's Betreuer:in.
    /// Only people reachable in Teams; each once.
    /// </summary>
    public static IReadOnlyList<Staff> Managers(RatingRequestRow r, IReadOnlyDictionary<string, Staff> people)
    {
        Staff? UpTheLine(string id)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var cur = people.GetValueOrDefault(id); cur is not null && seen.Add(cur.Id); cur = cur.ManagerId is { } m ? people.GetValueOrDefault(m) : null)
                if (cur.Has(StaffRole.KoordinierendeFuehrungskraft)) return cur;
            return null;
        }

        var list = new List<Staff>();
        if ((UpTheLine(r.KoordinatorId) ?? UpTheLine(r.RequestedBy)) is { } kfk) list.Add(kfk);
        else list.AddRange(people.Values.Where(p => p.Has(StaffRole.KoordinierendeFuehrungskraft)).OrderBy(p => p.Id, StringComparer.Ordinal));
        if (people.GetValueOrDefault(r.BetreuerId)?.ManagerId is { } managerId && people.GetValueOrDefault(managerId) is { } manager)
            list.Add(manager);
        return list.Where(p => !string.IsNullOrWhiteSpace(p.AadObjectId)).DistinctBy(p => p.Id).ToList();
    }
}
