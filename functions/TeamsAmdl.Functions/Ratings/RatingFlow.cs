using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Bot;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// The assessor's questionnaire in Teams chat (R-RATE-3/4): open/resume, save a page, save the justification draft,
/// submit. Every action checks that the request exists, belongs to the user and is still open; bad input (out of
/// scale, missing answers, text over 2,000 characters, missing justifications) comes back as the same card with the
/// problems in a red box and nothing stored. Writes are transactions under the assignment's ETag; on a conflict the
/// action re-reads and checks again. Repeating a page save with the same answers changes nothing (no new revision).
/// </summary>
public sealed class RatingFlow(RatingStore store, TemplateStore templates, RatingFollowUps followUps, TimeProvider time, ILogger<RatingFlow> log)
{
    private const int Attempts = 6;

    /// <summary>A short random pause before re-reading after an ETag conflict, so that concurrent writers spread out.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken ct) => Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);

    private sealed record Context(RatingSnapshot Snapshot, AssignmentRow Assignment, QuestionnaireTemplate Template, IReadOnlyList<QuestionPage> Pages);

    public async Task<CardActionResult> OpenAsync(Staff user, JsonObject data, CancellationToken ct)
    {
        var (c, error) = await LoadAsync(user, data, ct);
        if (c is null) return error!;
        var today = BerlinCalendar.Today(time);
        if (Finished(c, today) is { } finished) return finished;
        var page = ReadInt(data, CardVerbs.RatingPageKey);
        if (page is { } p && p >= 1 && p <= c.Pages.Count)
            return CardActionResult.Card(RatingCards.Page(c.Snapshot, c.Template, c.Assignment, c.Pages[p - 1], today));
        if (page is { } sp && sp == c.Pages.Count + 1)
            return Summary(c, today, c.Snapshot.JustificationsOf(user.Id));
        // Resume: the first page with an unanswered question, else the summary.
        var answered = c.Snapshot.AnswersOf(user.Id).Select(a => a.QuestionId).ToHashSet(StringComparer.Ordinal);
        var next = c.Pages.FirstOrDefault(pg => pg.Questions.Any(q => !answered.Contains(q.Id)));
        return next is not null
            ? CardActionResult.Card(RatingCards.Page(c.Snapshot, c.Template, c.Assignment, next, today))
            : Summary(c, today, c.Snapshot.JustificationsOf(user.Id));
    }

    public async Task<CardActionResult> SavePageAsync(Staff user, JsonObject data, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (c, error) = await LoadAsync(user, data, ct);
            if (c is null) return error!;
            var today = BerlinCalendar.Today(time);
            if (ClosedOrSubmitted(c, today) is { } stop) return stop;
            if (ReadInt(data, CardVerbs.RatingPageKey) is not { } number || number < 1 || number > c.Pages.Count)
                return CardActionResult.Error("rating_stale_card", RatingTexts.StaleCard);
            var page = c.Pages[number - 1];
            var raw = page.Questions.ToDictionary(q => q.Id,
                q => new RawAnswer(q.Id, ReadString(data, CardVerbs.RatingAnswerPrefix + q.Id), ReadString(data, CardVerbs.RatingCommentPrefix + q.Id)),
                StringComparer.Ordinal);
            var (answers, problems) = RatingAnswers.ValidatePage(c.Template, page, raw, today);
            if (problems.Count > 0)
                return CardActionResult.Card(RatingCards.Page(c.Snapshot, c.Template, c.Assignment, page, today, raw,
                    problems.Select(p => p.Message).ToList()));

            var pages = c.Snapshot.PagesOf(user.Id);
            var snapshot = c.Snapshot;
            var assignment = c.Assignment;
            if (!(pages.TryGetValue(number, out var existing) && existing.SameAnswers(answers)))
            {
                var answeredElsewhere = pages.Where(p => p.Key != number).SelectMany(p => p.Value.Answers).Select(a => a.QuestionId);
                var answered = answeredElsewhere.Concat(answers.Select(a => a.QuestionId)).Distinct(StringComparer.Ordinal)
                    .Count(id => c.Template.Find(id) is not null);
                var updated = assignment with { Answered = answered, Revision = assignment.Revision + 1 };
                var row = new PageRow(c.Snapshot.Request.Id, user.Id, number, answers, time.GetUtcNow());
                try
                {
                    await store.SavePageAsync(updated, row, ct);
                }
                catch (Exception e) when (RatingStore.IsConflict(e) && attempt < Attempts)
                {
                    log.LogInformation("Bewertung {Rating}: Seite {Page} von {User} kollidierte, neuer Versuch", c.Snapshot.Request.Id, number, user.Id);
                    await BackOffAsync(attempt, ct);
                    continue;
                }
                catch (Exception e) when (RatingStore.IsConflict(e))
                {
                    return CardActionResult.Error("rating_busy", RatingTexts.Busy);
                }
                var newPages = pages.ToDictionary(p => p.Key, p => p.Value);
                newPages[number] = row;
                var allPages = snapshot.Pages.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                allPages[user.Id] = newPages;
                assignment = updated;
                snapshot = snapshot with
                {
                    Pages = allPages,
                    Assignments = snapshot.Assignments.Select(a => a.AssessorId == user.Id ? updated : a).ToList(),
                };
            }
            var next = number + 1;
            var c2 = c with { Snapshot = snapshot, Assignment = assignment };
            return next <= c.Pages.Count
                ? CardActionResult.Card(RatingCards.Page(snapshot, c.Template, assignment, c.Pages[next - 1], today))
                : Summary(c2, today, snapshot.JustificationsOf(user.Id));
        }
    }

    public async Task<CardActionResult> SaveDraftAsync(Staff user, JsonObject data, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (c, error) = await LoadAsync(user, data, ct);
            if (c is null) return error!;
            var today = BerlinCalendar.Today(time);
            if (ClosedOrSubmitted(c, today) is { } stop) return stop;
            var evaluation = AuffaelligRule.Evaluate(c.Template, c.Snapshot.AnswersOf(user.Id));
            var given = ReadJustifications(data, evaluation);
            var tooLong = JustificationRequirement.Refused(given, key => Describe(c, evaluation, key), today);
            if (tooLong.Count > 0)
                return Summary(c, today, given, errors: tooLong.Select(p => p.Message).ToList());
            var items = JustificationRequirement.ForBadValues(evaluation, given);
            var row = new JustificationsRow(c.Snapshot.Request.Id, user.Id, items, time.GetUtcNow());
            var updated = c.Assignment with { Revision = c.Assignment.Revision + 1 };
            try
            {
                await store.SaveAssignmentAsync(updated, row, ct);
            }
            catch (Exception e) when (RatingStore.IsConflict(e) && attempt < Attempts)
            {
                await BackOffAsync(attempt, ct);
                continue;
            }
            catch (Exception e) when (RatingStore.IsConflict(e))
            {
                return CardActionResult.Error("rating_busy", RatingTexts.Busy);
            }
            var justifications = c.Snapshot.Justifications.ToDictionary(j => j.Key, j => j.Value, StringComparer.Ordinal);
            justifications[user.Id] = row;
            var c2 = c with { Snapshot = c.Snapshot with { Justifications = justifications }, Assignment = updated };
            return Summary(c2, today, items, info: CardTexts.Ratings.DraftSaved);
        }
    }

    public async Task<CardActionResult> SubmitAsync(Staff user, JsonObject data, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (c, error) = await LoadAsync(user, data, ct);
            if (c is null) return error!;
            var today = BerlinCalendar.Today(time);
            if (c.Assignment.Status == RatingStatus.Submitted)
            {
                // A second submit (another card, a retry after a lost answer) counts once: same confirmation, nothing new.
                await TryFollowUpsAsync(c.Snapshot.Request.Id, user.Id, ct);
                return CardActionResult.Card(RatingCards.Submitted(c.Snapshot, c.Template, c.Assignment, today));
            }
            if (IsClosed(c))
                return CardActionResult.Card(RatingCards.Closed(c.Snapshot.Request, today, RatingTexts.ClosedNothingStored(c.Snapshot.Request.ClosedAt)));

            var answers = c.Snapshot.AnswersOf(user.Id);
            var evaluation = AuffaelligRule.Evaluate(c.Template, answers);
            var given = ReadJustifications(data, evaluation);
            if (RatingAnswers.Missing(c.Template, answers).Count > 0)
                return Summary(c, today, given); // the card lists the incomplete pages
            var tooLong = JustificationRequirement.Refused(given, key => Describe(c, evaluation, key), today);
            if (tooLong.Count > 0)
                return Summary(c, today, given, errors: tooLong.Select(p => p.Message).ToList());
            var missing = JustificationRequirement.Missing(evaluation, given);
            if (missing.Count > 0)
                return Summary(c, today, given, missing);

            var now = time.GetUtcNow();
            var items = JustificationRequirement.ForBadValues(evaluation, given);
            var updated = c.Assignment with
            {
                Status = RatingStatus.Submitted, SubmittedAt = now, HardAverage = evaluation.HardAverage, SoftAverage = evaluation.SoftAverage,
                Auffaellig = evaluation.IsAuffaellig, BadValues = evaluation.BadValues, Answered = answers.Count, Revision = c.Assignment.Revision + 1,
            };
            try
            {
                await store.SaveAssignmentAsync(updated, new JustificationsRow(c.Snapshot.Request.Id, user.Id, items, now), ct);
            }
            catch (Exception e) when (RatingStore.IsConflict(e) && attempt < Attempts)
            {
                await BackOffAsync(attempt, ct); // closed or submitted meanwhile: the next round sees it
                continue;
            }
            catch (Exception e) when (RatingStore.IsConflict(e))
            {
                return CardActionResult.Error("rating_busy", RatingTexts.Busy);
            }
            log.LogInformation("Bewertung {Rating} von {User} abgegeben (auffällig: {Auffaellig}, schlechte Werte: {Bad})",
                c.Snapshot.Request.Id, user.Id, evaluation.IsAuffaellig, evaluation.BadValues.Count);
            await TryFollowUpsAsync(c.Snapshot.Request.Id, user.Id, ct);
            var justifications = c.Snapshot.Justifications.ToDictionary(j => j.Key, j => j.Value, StringComparer.Ordinal);
            justifications[user.Id] = new JustificationsRow(c.Snapshot.Request.Id, user.Id, items, now);
            return CardActionResult.Card(RatingCards.Submitted(c.Snapshot with { Justifications = justifications }, c.Template, updated, today));
        }
    }

    private async Task TryFollowUpsAsync(string ratingId, string assessorId, CancellationToken ct)
    {
        try
        {
            await followUps.RunAsync(ratingId, assessorId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The submission stands; the reminder job repeats the follow-ups.
            log.LogError(e, "Folgeschritte der Bewertung {Rating}/{Assessor} fehlgeschlagen; der Zeitplan-Job wiederholt sie", ratingId, assessorId);
        }
    }

    private static CardActionResult Summary(Context c, DateOnly today, IReadOnlyList<Justification> justifications,
        IReadOnlyList<MissingJustification>? missing = null, IReadOnlyList<string>? errors = null, string? info = null) =>
        CardActionResult.Card(RatingCards.Summary(c.Snapshot, c.Template, c.Assignment, today, justifications, missing, errors, info));

    private static bool IsClosed(Context c) => c.Snapshot.Request.Status == RatingStatus.Closed || c.Assignment.Status == RatingStatus.Closed;

    /// <summary>For "open": the closed or the submitted card instead of the questionnaire.</summary>
    private static CardActionResult? Finished(Context c, DateOnly today) =>
        c.Assignment.Status == RatingStatus.Submitted ? CardActionResult.Card(RatingCards.Submitted(c.Snapshot, c.Template, c.Assignment, today))
        : IsClosed(c) ? CardActionResult.Card(RatingCards.Closed(c.Snapshot.Request, today))
        : null;

    /// <summary>For changes: a closed request shows the closed card with "nothing stored"; a submitted one is an error.</summary>
    private static CardActionResult? ClosedOrSubmitted(Context c, DateOnly today) =>
        c.Assignment.Status == RatingStatus.Submitted ? CardActionResult.Error("rating_submitted", RatingTexts.AlreadySubmitted)
        : IsClosed(c) ? CardActionResult.Card(RatingCards.Closed(c.Snapshot.Request, today, RatingTexts.ClosedNothingStored(c.Snapshot.Request.ClosedAt)))
        : null;

    private async Task<(Context?, CardActionResult?)> LoadAsync(Staff user, JsonObject data, CancellationToken ct)
    {
        var id = ReadString(data, CardVerbs.RatingIdKey)?.Trim();
        if (string.IsNullOrEmpty(id))
            return (null, CardActionResult.Error("rating_stale_card", RatingTexts.StaleCard));
        var snapshot = await store.LoadAsync(id, ct);
        if (snapshot is null)
            return (null, CardActionResult.Error("rating_unknown", RatingTexts.UnknownRating));
        var assignment = snapshot.AssignmentOf(user.Id);
        if (assignment is null)
        {
            log.LogWarning("Bewertung {Rating}: {User} ist nicht als Bewerter:in benannt", id, user.Id);
            return (null, CardActionResult.Error("rating_foreign", RatingTexts.ForeignRating));
        }
        var template = await templates.GetAsync(snapshot.Request.TemplateId, snapshot.Request.TemplateVersion, ct)
                       ?? throw new InvalidOperationException($"Template {snapshot.Request.TemplateId} v{snapshot.Request.TemplateVersion} is missing.");
        return (new Context(snapshot, assignment, template, QuestionnairePaging.Pages(template)), null);
    }

    private static string Describe(Context c, RatingEvaluation evaluation, string key)
    {
        var bad = evaluation.BadValues.FirstOrDefault(b => b.Key == key);
        return bad is null ? key : RatingCards.BadValues(c.Template, new RatingEvaluation(null, null, evaluation.Threshold, [bad]), [])[0].ShortTitle;
    }

    /// <summary>The Begründung/Handlungsempfehlung inputs for the bad values of the evaluation (others are ignored).</summary>
    private static IReadOnlyList<Justification> ReadJustifications(JsonObject data, RatingEvaluation evaluation) =>
        evaluation.BadValues.Select(b => new Justification(b.Key,
            ReadString(data, CardVerbs.RatingBegruendungPrefix + b.Key), ReadString(data, CardVerbs.RatingEmpfehlungPrefix + b.Key))).ToList();

    /// <summary>A string input; numbers are taken as their text (some clients send choice values as numbers).</summary>
    internal static string? ReadString(JsonObject data, string key) => data[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (string?)v,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    internal static int? ReadInt(JsonObject data, string key) =>
        int.TryParse(ReadString(data, key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
