using System.Security.Cryptography;
using System.Text;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Bot;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Outlook;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>The outcome of <see cref="RatingRequests.CreateAsync"/>: the request, or a German problem (status, code, message).</summary>
public sealed record CreateOutcome(RatingRequestRow? Request, bool Created, int Status = 201, string? Code = null, string? Message = null);

/// <summary>
/// Creates rating requests (R-RATE-1: measure, questionnaire, kind, one or more assessors, deadline = sent + 4 weeks),
/// sends the request card to every assessor's 1:1 chat through the outbox, and closes requests. An
/// <c>Idempotency-Key</c> makes a repeated create (double click in the tab, retry) return the first request.
/// </summary>
public sealed class RatingRequests(RatingStore store, TemplateStore templates, MeasureRepository measures, TraegerRepository traeger,
    StaffRepository staff, ChannelDelivery delivery, TimeProvider time, ILogger<RatingRequests> log)
{
    public const int MaxAssessors = 10;
    public const int MaxNoteLength = 500;

    public static string InvitationKey(string ratingId, string assessorId) => $"rating:{ratingId}:{assessorId}:request";

    public async Task<CreateOutcome> CreateAsync(Staff requester, NewRatingRequest body, string? idempotencyKey, CancellationToken ct,
        string? fixedId = null, DateTimeOffset? sentAt = null)
    {
        var id = fixedId ?? (string.IsNullOrWhiteSpace(idempotencyKey)
            ? "bw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))
            : "bw-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requester.Id + "|" + idempotencyKey.Trim())))[..12]);
        var fingerprint = Fingerprint(body);
        if (await store.GetRequestAsync(id, ct) is { } existing)
            return Repeated(existing, fingerprint);

        var today = BerlinCalendar.Today(time);
        if (string.IsNullOrWhiteSpace(body.MeasureNumber)) return Problem(400, "missing_measure", RatingTexts.MissingMeasure);
        var measure = (await measures.GetAsync(body.MeasureNumber.Trim(), today, ct))?.Measure;
        if (measure is null) return Problem(404, "unknown_measure", RatingTexts.UnknownMeasure(body.MeasureNumber.Trim()));

        var templateId = string.IsNullOrWhiteSpace(body.TemplateId) ? DefaultQuestionnaire.Id : body.TemplateId.Trim();
        var template = await templates.LatestAsync(templateId, ct);
        if (template is null) return Problem(404, "unknown_template", RatingTexts.UnknownTemplate(templateId));

        var kind = RatingKind.WaehrendDerMassnahme;
        if (!string.IsNullOrWhiteSpace(body.Kind) && !EnumNames.TryParse(body.Kind, out kind))
            return Problem(400, "unknown_kind", RatingTexts.UnknownKind(body.Kind));
        if (kind.CheckTiming(measure.Start, measure.End, today) is { } timing) return Problem(400, "wrong_timing", timing);
        if (body.Note is { Length: > MaxNoteLength }) return Problem(400, "note_too_long", RatingTexts.NoteTooLong);
        if (PersonalDataGuard.Refusal(RatingTexts.NoteLabel, body.Note, today) is { } personal) return Problem(400, "personal_data", personal);

        var ids = (body.AssessorIds ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (ids.Count == 0 || ids.Any(string.IsNullOrEmpty)) return Problem(400, "missing_assessors", RatingTexts.NoAssessors);
        if (ids.Count > MaxAssessors) return Problem(400, "too_many_assessors", RatingTexts.TooManyAssessors(MaxAssessors));
        if (ids.GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
            return Problem(400, "duplicate_assessor", RatingTexts.DuplicateAssessor(dup.Key));
        var assessors = new List<Staff>();
        foreach (var a in ids)
        {
            var s = await staff.GetAsync(a, ct);
            if (s is null) return Problem(400, "unknown_assessor", RatingTexts.UnknownStaff(a));
            if (!s.Has(StaffRole.Bewerter)) return Problem(400, "not_an_assessor", RatingTexts.NotAnAssessor(s.DisplayName));
            if (string.IsNullOrWhiteSpace(s.AadObjectId)) return Problem(400, "not_reachable", RatingTexts.NotReachable(s.DisplayName));
            assessors.Add(s);
        }
        if (await OpenRequestForAsync(measure.Number, ids, ct) is { } open)
            return open.Request.Id == id // a concurrent create with the same Idempotency-Key got there first
                ? Repeated(open.Request, fingerprint)
                : Problem(409, "duplicate_request", RatingTexts.OpenRequestExists(open.Name, open.Request.Id, open.Request.SentOn));

        var sent = sentAt ?? time.GetUtcNow();
        var traegerName = (await traeger.GetAsync(measure.TraegerId, ct))?.Name ?? measure.TraegerId;
        var request = new RatingRequestRow(id, measure.Number, measure.Title, measure.TraegerId, traegerName, measure.BetreuerId,
            measure.KoordinatorId, template.Id, template.Version, kind, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            requester.Id, requester.DisplayName, sent, RatingDeadline.For(sent), RatingStatus.Open, null, null, assessors.Select(a => a.Id).ToList());
        var assignments = assessors.Select(a => new AssignmentRow(id, a.Id, a.DisplayName, a.AadObjectId, RatingStatus.Open, 0, template.Questions.Count,
            0, false, [], false, null, null, null, false, [], false, null, null)).ToList();
        if (!await store.CreateAsync(request with { RequestHash = fingerprint }, assignments, ct))
            return await store.GetRequestAsync(id, ct) is { } raced ? Repeated(raced, fingerprint) : Problem(409, "busy", RatingTexts.Busy);
        log.LogInformation("Bewertungsanfrage {Rating} für {Measure} an {Assessors} (Frist {Deadline})", id, measure.Number,
            string.Join(", ", request.AssessorIds), request.Deadline);

        await SendInvitationsAsync(id, ct);
        return new CreateOutcome(await store.GetRequestAsync(id, ct), Created: true);
    }

    /// <summary>Queues the request card for every open assignment that has none yet (idempotent; the reminder job repeats it).</summary>
    public async Task<int> SendInvitationsAsync(string ratingId, CancellationToken ct)
    {
        var sent = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var s = await store.LoadAsync(ratingId, ct);
            if (s is null || s.Request.Status != RatingStatus.Open) return sent;
            var pending = s.Assignments.Where(a => a.Status == RatingStatus.Open && !a.InvitationQueued).ToList();
            if (pending.Count == 0) return sent;
            var template = await templates.GetAsync(s.Request.TemplateId, s.Request.TemplateVersion, ct)
                           ?? throw new InvalidOperationException($"Template {s.Request.TemplateId} v{s.Request.TemplateVersion} is missing.");
            var today = BerlinCalendar.Today(time);
            // By each assessor's channel (Teams, Outlook mail or both, issue 17).
            await delivery.SendAsync(pending.Select(a => new PersonalCard(ToStaff(a), InvitationKey(ratingId, a.AssessorId),
                RatingCards.Request(s.Request, template, a, today),
                OutlookTexts.InvitationSubject(s.Request.TraegerName, s.Request.MeasureNumber, s.Request.Deadline))).ToList(), ct);
            var conflict = false;
            foreach (var a in pending)
            {
                try
                {
                    await store.UpdateAssignmentAsync(a with { InvitationQueued = true }, ct);
                    sent++;
                }
                catch (Exception e) when (RatingStore.IsConflict(e))
                {
                    conflict = true; // changed meanwhile; the outbox key keeps the card single
                }
            }
            if (!conflict) return sent;
        }
        return sent;
    }

    /// <summary>Closes the request: open assignments stop (no more input, no reminders).</summary>
    public async Task<(RatingRequestRow? Request, int Status, string? Code, string? Message)> CloseAsync(string ratingId, Staff by, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var s = await store.LoadAsync(ratingId, ct);
            if (s is null) return (null, 404, "unknown_request", RatingTexts.UnknownRequest(ratingId));
            if (s.Request.Status == RatingStatus.Closed) return (s.Request, 409, "already_closed", RatingTexts.AlreadyClosed);
            try
            {
                await store.CloseAsync(s.Request, s.Assignments, by.Id, time.GetUtcNow(), ct);
                log.LogInformation("Bewertungsanfrage {Rating} von {User} geschlossen", ratingId, by.Id);
                return (await store.GetRequestAsync(ratingId, ct), 200, null, null);
            }
            catch (Exception e) when (RatingStore.IsConflict(e))
            {
                // a page save or submission came in between: read again
            }
        }
        return (null, 409, "busy", RatingTexts.Busy);
    }

    /// <summary>
    /// The open request of this measure that already asks one of <paramref name="assessorIds"/> (issue 14: the tab and
    /// the API never send the same assessor two open questionnaires for one measure). Open requests of a measure are few:
    /// one filtered query on the request rows.
    /// </summary>
    public async Task<(RatingRequestRow Request, string Name)?> OpenRequestForAsync(string measureNumber, IReadOnlyCollection<string> assessorIds,
        CancellationToken ct)
    {
        string? continuation = null;
        do
        {
            var page = await store.PageRequestsAsync(measureNumber, RatingStatus.Open, 1000, continuation, ct);
            if (page is null) return null;
            foreach (var row in page.Items.Select(RatingRequestRow.From))
                if (row.AssessorIds.FirstOrDefault(assessorIds.Contains) is { } assessor)
                {
                    var a = (await store.LoadAsync(row.Id, ct))?.AssignmentOf(assessor);
                    return (row, a?.AssessorName ?? assessor);
                }
            continuation = page.Continuation;
        } while (continuation is not null);
        return null;
    }

    public static string ReminderNowKey(string ratingId, string assessorId, string click) => $"rating:{ratingId}:{assessorId}:remind:{click}";

    /// <summary>
    /// "jetzt erinnern" in the tab: the reminder card now to every assessor who has not submitted. Idempotent per click:
    /// the tab sends one <c>Idempotency-Key</c> per click, which becomes part of the outbox key (a retried click sends
    /// nothing twice, a new click reminds again). Without a key every call is a new click.
    /// </summary>
    public async Task<Outcome<RemindResult>> RemindAsync(string ratingId, Staff by, string? clickKey, CancellationToken ct)
    {
        var s = await store.LoadAsync(ratingId, ct);
        if (s is null) return Outcome<RemindResult>.Fail(404, "unknown_request", RatingTexts.UnknownRequest(ratingId));
        if (s.Request.Status == RatingStatus.Closed) return Outcome<RemindResult>.Fail(409, "already_closed", RatingTexts.AlreadyClosed);
        var open = s.Assignments.Where(a => a.Status == RatingStatus.Open).OrderBy(a => a.AssessorName, StringComparer.CurrentCulture).ToList();
        if (open.Count == 0) return Outcome<RemindResult>.Fail(409, "nobody_open", RatingTexts.NobodyToRemind);
        var click = string.IsNullOrWhiteSpace(clickKey)
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(by.Id + "|" + clickKey.Trim())))[..12];
        var today = BerlinCalendar.Today(time);
        // By each assessor's channel (Teams, Outlook mail or both, issue 17).
        await delivery.SendAsync(open.Select(a => new PersonalCard(ToStaff(a), ReminderNowKey(ratingId, a.AssessorId, click),
            RatingCards.Reminder(s.Request, a, today), OutlookTexts.ReminderSubject(s.Request.TraegerName, s.Request.MeasureNumber, s.Request.Deadline))).ToList(), ct);
        log.LogInformation("Bewertungsanfrage {Rating}: {Count} Erinnerungen von {User}", ratingId, open.Count, by.Id);
        return Outcome<RemindResult>.Success(new RemindResult(ratingId, open.Select(a => a.AssessorName).ToList(),
            Delivery.DeliveryTime.At(time.GetUtcNow(), time.GetUtcNow())));
    }

    /// <summary>The staff member as far as the outbox needs it (id, name, AAD object id).</summary>
    public static Staff ToStaff(AssignmentRow a) =>
        new(a.AssessorId, a.AssessorName, "", "", new HashSet<StaffRole> { StaffRole.Bewerter }, a.AssessorAad);

    private static CreateOutcome Problem(int status, string code, string message) => new(null, false, status, code, message);

    /// <summary>The first request of this key again (200), unless the key now comes with other content (422).</summary>
    private static CreateOutcome Repeated(RatingRequestRow existing, string fingerprint) =>
        RequestFingerprint.Conflicts(existing.RequestHash, fingerprint)
            ? Problem(422, "idempotency_key_reused", RatingTexts.IdempotencyKeyReused)
            : new CreateOutcome(existing, Created: false, Status: 200);

    /// <summary>The body as <see cref="CreateAsync"/> reads it (trimmed, defaults applied), so a repeat need not be byte-identical.</summary>
    private static string Fingerprint(NewRatingRequest body) => RequestFingerprint.Of("POST api/ratings/requests",
        body.MeasureNumber?.Trim(), string.IsNullOrWhiteSpace(body.TemplateId) ? DefaultQuestionnaire.Id : body.TemplateId.Trim(),
        (string.IsNullOrWhiteSpace(body.Kind) ? nameof(RatingKind.WaehrendDerMassnahme) : body.Kind.Trim()).ToLowerInvariant(),
        (body.AssessorIds ?? []).Select(a => a?.Trim()).ToArray(), string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim());
}
