using Azure;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Quality;
using TeamsAmdl.Filing.Documents;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Quality.Inspections;

/// <summary>
/// R-QA-3 transitions of a Mangel through <see cref="MangelRules"/>: each one dated, by whom, in the Mangel's history and
/// the audit log; refusals come back as the rule's German reason (403/409/400). Side effects per step:
/// Stufe 1 files the Mängelschreiben draft with its deadline under "Schriftverkehr Mängel"; a missed deadline tells the
/// Fachkräfte S&amp;QS; Stufe 2 tells Koordinator and Betreuer; "Leitung informieren" sends the notice to the
/// Geschäftsleitung and the measure's Teamleitung. Cards use one outbox key per Mangel, step and person (never twice).
/// A step's notice is durable: the step is saved together with a pending-notice marker (<see cref="MangelRecord.PendingNotices"/>),
/// the cards are queued, then the marker is cleared. A crash in between leaves the marker, and the reminder timer
/// (<see cref="InspectionReminderJob"/>) queues the cards again — the outbox skips keys it already has, so each
/// person gets the card exactly once.
/// </summary>
public sealed class MangelService(MeasureRepository measures, TraegerRepository traeger, StaffRepository staff, InspectionStore store,
    QualityAudit audit, InspectionDocuments documents, Lazy<Proactive> bot, TimeProvider time, ILogger<MangelService> log)
{
    public const string SystemId = "system";

    public static string NoticeKey(string number, string mangelId, MangelAction step, string staffId) => $"mangel:{number}:{mangelId}:{step}:{staffId}";

    /// <param name="caller">Null: the timer (only <see cref="MangelAction.FristVersaeumt"/>).</param>
    public async Task<Outcome<MangelView>> TransitionAsync(CurrentUser? caller, string number, string id, MangelTransitionBody body, CancellationToken ct)
    {
        if (!Enum.TryParse<MangelAction>(body.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(body.Action, out _))
            return Fail(400, "unknown_action", InspectionTexts.UnknownAction(body.Action is { Length: > 40 } a ? a[..40] : body.Action));
        if (caller is not null && !QualityRoles.CanView(caller)) return Fail(403, "forbidden", InspectionTexts.QualityRolesOnly);
        var today = BerlinCalendar.Today(time);
        if (await measures.GetAsync(number, today, ct) is not { } state) return Fail(404, "unknown_measure", InspectionTexts.UnknownMeasure(number));
        if (await store.GetMangelAsync(number, id, ct) is not { } stored) return Fail(404, "unknown_mangel", InspectionTexts.UnknownMangel(id));
        var m = stored.Value;
        var step = MangelRules.Apply(m.Status, action, m.Serious, m.Deadline, today, caller?.Roles, body.Deadline);
        if (step is MangelStep.Refused refused) return Fail(refused.Status, refused.Code, refused.Message);
        var moved = (MangelStep.Moved)step;

        var now = time.GetUtcNow();
        var by = caller?.StaffId ?? SystemId;
        var byName = caller?.DisplayName ?? InspectionTexts.SystemActor;
        var measure = state.Measure;
        var traegerName = (await traeger.GetAsync(measure.TraegerId, ct))?.Name ?? measure.TraegerId;
        var next = m with
        {
            Status = moved.To, Deadline = moved.Deadline,
            History = [.. m.History, new MangelHistoryEntry(now, by, byName, MangelTexts.Action(action), m.Status, moved.To, moved.Deadline)],
            PendingNotices = HasNotice(action) ? [.. m.PendingNotices ?? [], action] : m.PendingNotices,
        };
        if (action == MangelAction.Stufe1)
        {
            var me = caller is null ? null : await staff.GetAsync(caller.StaffId, ct);
            var inspection = (await store.LoadAsync(number, ct)).Inspections.FirstOrDefault(i => i.Value.Id == m.InspectionId)?.Value;
            var receipt = await documents.FileLetterAsync(new MaengelschreibenInput(number, measure.Title, traegerName,
                [(await traeger.GetAsync(measure.TraegerId, ct))?.City ?? ""], InspectionDocuments.Aktenzeichen(measure, m.Id), byName, null, me?.Email,
                today, InspectionTexts.LetterAnlass(inspection?.Recording?.Date ?? inspection?.Date ?? today),
                [new Mangel(m.Description, null, moved.Deadline)], moved.Deadline!.Value), m.Id, ct);
            next = next with { LetterJobId = receipt.JobId, LetterPath = receipt.Path };
        }
        ETag etag;
        try
        {
            etag = await store.SaveAsync(next, stored.ETag, ct);
        }
        catch (RequestFailedException e) when (InspectionStore.IsConflict(e))
        {
            return Fail(409, "changed_meanwhile", InspectionTexts.ChangedMeanwhile);
        }
        await audit.AppendAsync(new QualityAuditEntry(number, "mangel:" + m.Id, MangelTexts.Action(action), m.Status.ToString(), moved.To.ToString(),
            by, byName, now, next.LetterPath is { } path && action == MangelAction.Stufe1 ? $"Mängelschreiben: {path}" : null), ct);
        next = await SendPendingAsync(measure, traegerName, new Versioned<MangelRecord>(next, etag), ct);
        return Outcome<MangelView>.Success(InspectionViews.Mangel(next, caller, today));
    }

    /// <summary>
    /// Queues the cards of the steps a crash left pending on the Mangel (the reminder timer calls this for every Mangel with
    /// <see cref="MangelRecord.PendingNotices"/>). Returns whether anything was pending.
    /// </summary>
    public async Task<bool> CompleteNoticesAsync(string number, string id, CancellationToken ct)
    {
        if (await store.GetMangelAsync(number, id, ct) is not { Value.PendingNotices.Count: > 0 } stored) return false;
        var measure = (await measures.GetAsync(number, BerlinCalendar.Today(time), ct))?.Measure;
        if (measure is null) return false;
        var traegerName = (await traeger.GetAsync(measure.TraegerId, ct))?.Name ?? measure.TraegerId;
        await SendPendingAsync(measure, traegerName, stored, ct);
        return true;
    }

    /// <summary>Queues every pending step's cards (keys per Mangel, step and person), then clears the marker under the ETag.</summary>
    private async Task<MangelRecord> SendPendingAsync(Measure measure, string traegerName, Versioned<MangelRecord> stored, CancellationToken ct)
    {
        var m = stored.Value;
        if (m.PendingNotices is not { Count: > 0 } pending) return m;
        foreach (var step in pending.Distinct())
            await NotifyAsync(step, measure, traegerName, m, ct);
        var done = m with { PendingNotices = null };
        try
        {
            await store.SaveAsync(done, stored.ETag, ct);
        }
        catch (RequestFailedException e) when (InspectionStore.IsConflict(e))
        {
            // Changed meanwhile: the marker stays and the timer's next run queues again, which the outbox keys make harmless.
            log.LogInformation("Mangel {Measure}/{Mangel}: notice queued, marker kept until the next timer run (row changed meanwhile)", measure.Number, m.Id);
            return m;
        }
        return done;
    }

    private static bool HasNotice(MangelAction action) => action is MangelAction.FristVersaeumt or MangelAction.Stufe2 or MangelAction.LeitungInformieren;

    /// <summary>The card of one step, with the state that step produced (its history entry), whatever happened since.</summary>
    private async Task NotifyAsync(MangelAction action, Measure measure, string traegerName, MangelRecord m, CancellationToken ct)
    {
        var entry = m.History.LastOrDefault(h => h.Action == MangelTexts.Action(action));
        var (status, deadline, byName) = entry is null ? (m.Status, m.Deadline, InspectionTexts.SystemActor) : (entry.To, entry.Deadline, entry.ByName);
        var (heading, text, who) = action switch
        {
            MangelAction.FristVersaeumt => (InspectionTexts.NoticeMissedHeading, InspectionTexts.NoticeMissedText,
                (Func<Staff, bool>)(s => s.Has(StaffRole.FachkraftSqs))),
            MangelAction.Stufe2 => (InspectionTexts.NoticeStufe2Heading, InspectionTexts.NoticeStufe2Text,
                s => s.Id == measure.KoordinatorId || s.Id == measure.BetreuerId),
            MangelAction.LeitungInformieren => (InspectionTexts.NoticeLeitungHeading, InspectionTexts.NoticeLeitungText,
                s => s.Has(StaffRole.Geschaeftsleitung) || (s.Has(StaffRole.Teamleitung) && s.TeamId == measure.TeamId)),
            _ => (null, null, null),
        };
        if (heading is null) return;
        var recipients = (await staff.ListAsync(ct)).Where(s => s.CanReceiveCards && who!(s)).ToList();
        if (recipients.Count == 0)
        {
            log.LogWarning("Mangel {Measure}/{Mangel}: niemand erreichbar für {Step}", measure.Number, m.Id, action);
            return;
        }
        var card = MangelNoticeCard.Build(new MangelNoticeCardData(measure.Number, measure.Title, traegerName, heading, text!, m.Description,
            MangelTexts.Status(status), deadline, byName));
        await bot.Value.SendCardAsync(recipients.Select(s => (s, NoticeKey(measure.Number, m.Id, action, s.Id))), _ => card, ct);
    }

    private static Outcome<MangelView> Fail(int status, string code, string message) => Outcome<MangelView>.Fail(status, code, message);
}
