using TeamsAmdl.Cards;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>Maps a request, an assessor's drafts and the template onto the rating cards (display values only).</summary>
public static class RatingCards
{
    public static RatingHeaderData Header(RatingRequestRow r, DateOnly today) => new(r.Id, r.MeasureNumber, r.MeasureTitle, r.TraegerName,
        r.Kind.DisplayName(), r.Deadline, RatingDeadline.DaysLeft(r.Deadline, today));

    public static IReadOnlyList<RatingScaleChoice> Scale(QuestionnaireTemplate t) =>
        t.Scale.ValuesBestFirst().Select(v => new RatingScaleChoice(v, t.Scale.Label(v))).ToList();

    /// <summary>Pages including the summary page.</summary>
    public static int PageCount(QuestionnaireTemplate t) => QuestionnairePaging.Pages(t).Count + 1;

    public static AdaptiveCard Request(RatingRequestRow r, QuestionnaireTemplate t, AssignmentRow a, DateOnly today) =>
        RatingRequestCard.Build(new RatingRequestCardData(Header(r, today), t.Title, t.Version, t.Questions.Count,
            QuestionnairePaging.Pages(t).Count, r.RequestedByName, RatingScale.Format(t.Scale.Threshold), r.Note, a.AssessorAad));

    /// <summary>A question page with the stored draft, or with the values just sent and the problems found in them.</summary>
    public static AdaptiveCard Page(RatingSnapshot s, QuestionnaireTemplate t, AssignmentRow a, QuestionPage page, DateOnly today,
        IReadOnlyDictionary<string, RawAnswer>? rejected = null, IReadOnlyList<string>? errors = null)
    {
        var stored = s.PagesOf(a.AssessorId).TryGetValue(page.Number, out var p)
            ? p.Answers.ToDictionary(x => x.QuestionId, StringComparer.Ordinal)
            : new Dictionary<string, RatingAnswer>(StringComparer.Ordinal);
        var questions = page.Questions.Select(q =>
        {
            int? value; string? comment;
            if (rejected is not null)
            {
                rejected.TryGetValue(q.Id, out var raw);
                value = int.TryParse(raw?.Value, out var v) && t.Scale.Contains(v) ? v : null;
                comment = raw?.Comment;
            }
            else
            {
                value = stored.TryGetValue(q.Id, out var ans) ? ans.Value : null;
                comment = ans?.Comment;
            }
            return new RatingQuestionInput(q.Id, t.NumberOf(q.Id), q.Text, q.Hint, value, comment);
        }).ToList();
        return RatingPageCard.Build(new RatingPageCardData(Header(s.Request, today), page.Number, PageCount(t), page.Section.DisplayName(),
            page.Part, page.Parts, Scale(t), questions, a.Answered, t.Questions.Count, errors, a.AssessorAad));
    }

    /// <summary>The summary: averages, result, justification fields (with the given texts), incomplete pages.</summary>
    public static AdaptiveCard Summary(RatingSnapshot s, QuestionnaireTemplate t, AssignmentRow a, DateOnly today,
        IReadOnlyList<Justification> justifications, IReadOnlyList<MissingJustification>? missing = null,
        IReadOnlyList<string>? errors = null, string? info = null)
    {
        var answers = s.AnswersOf(a.AssessorId);
        var evaluation = AuffaelligRule.Evaluate(t, answers);
        var pages = QuestionnairePaging.Pages(t);
        var answered = answers.Select(x => x.QuestionId).ToHashSet(StringComparer.Ordinal);
        var incomplete = pages.Where(p => p.Questions.Any(q => !answered.Contains(q.Id)))
            .Select(p => CardTexts.Ratings.IncompletePage(p.Number, p.Section.DisplayName(), p.Questions.Count(q => !answered.Contains(q.Id))))
            .ToList();
        var byId = answers.ToDictionary(x => x.QuestionId, StringComparer.Ordinal);
        var sections = new[] { RatingSection.HardFacts, RatingSection.SoftFacts }.Select(sec => new RatingSectionSummary(
            sec.DisplayName(),
            RatingFormat.Average(sec == RatingSection.HardFacts ? evaluation.HardAverage : evaluation.SoftAverage),
            t.In(sec).Select(q => new RatingAnswerRow(t.NumberOf(q.Id), ShortText(q.Text),
                byId.TryGetValue(q.Id, out var ans) ? CardTexts.Ratings.ScaleChoice(ans.Value, t.Scale.Label(ans.Value)) : CardTexts.Common.Dash)).ToList()))
            .ToList();
        var badValues = incomplete.Count > 0 ? [] : BadValues(t, evaluation, justifications, missing);
        return RatingSummaryCard.Build(new RatingSummaryCardData(Header(s.Request, today), PageCount(t), PageCount(t),
            RatingFormat.Average(evaluation.HardAverage), RatingFormat.Average(evaluation.SoftAverage), RatingScale.Format(t.Scale.Threshold),
            sections, badValues, incomplete, errors, info, ShowMissing: missing is not null, AssessorUserId: a.AssessorAad));
    }

    public static IReadOnlyList<RatingBadValueView> BadValues(QuestionnaireTemplate? t, RatingEvaluation evaluation,
        IReadOnlyList<Justification> justifications, IReadOnlyList<MissingJustification>? missing = null)
    {
        var byKey = justifications.GroupBy(j => j.Key).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return evaluation.BadValues.Select(b =>
        {
            byKey.TryGetValue(b.Key, out var j);
            var m = missing?.FirstOrDefault(x => x.Value.Key == b.Key);
            var question = b.Question is null ? null : t?.Find(b.Question);
            var isAverage = b.Kind != BadValueKind.SoftFactsQuestion;
            return new RatingBadValueView(b.Key, (RatingBadValueKind)(int)b.Kind,
                isAverage ? RatingFormat.Average(b.Value) : RatingFormat.Value(b.Value),
                question is null ? null : t!.NumberOf(question.Id), question?.Text ?? b.Question,
                j?.Begruendung, j?.Handlungsempfehlung, m?.BegruendungMissing ?? false, m?.HandlungsempfehlungMissing ?? false);
        }).ToList();
    }

    public static AdaptiveCard Submitted(RatingSnapshot s, QuestionnaireTemplate t, AssignmentRow a, DateOnly today) =>
        RatingSubmittedCard.Build(new RatingSubmittedCardData(Header(s.Request, today), a.SubmittedAt ?? default,
            RatingFormat.Average(a.HardAverage), RatingFormat.Average(a.SoftAverage),
            BadValues(t, Evaluation(t, a), s.JustificationsOf(a.AssessorId))));

    public static AdaptiveCard Closed(RatingRequestRow r, DateOnly today, string? message = null) =>
        RatingClosedCard.Build(new RatingClosedCardData(Header(r, today), r.ClosedAt, message));

    public static AdaptiveCard Reminder(RatingRequestRow r, AssignmentRow a, DateOnly today) =>
        RatingReminderCard.Build(new RatingReminderCardData(Header(r, today), a.Answered, a.QuestionCount, a.AssessorAad));

    public static AdaptiveCard Overdue(RatingRequestRow r, AssignmentRow a, DateOnly today) =>
        RatingOverdueCard.Build(new RatingOverdueCardData(Header(r, today), a.AssessorName, r.SentOn, a.Answered, a.QuestionCount));

    public static AdaptiveCard Flagged(RatingSnapshot s, QuestionnaireTemplate t, AssignmentRow a, string? betreuer, DateOnly today) =>
        RatingFlaggedCard.Build(new RatingFlaggedCardData(Header(s.Request, today), a.AssessorName, betreuer, a.SubmittedAt ?? default,
            RatingFormat.Average(a.HardAverage), RatingFormat.Average(a.SoftAverage), RatingScale.Format(t.Scale.Threshold),
            BadValues(t, Evaluation(t, a), s.JustificationsOf(a.AssessorId))));

    /// <summary>The stored result of a submitted assignment as an evaluation.</summary>
    public static RatingEvaluation Evaluation(QuestionnaireTemplate t, AssignmentRow a) =>
        new(a.HardAverage, a.SoftAverage, t.Scale.Threshold, a.BadValues);

    /// <summary>The topic of a question for the summary table: the part before the first colon.</summary>
    public static string ShortText(string text)
    {
        var i = text.IndexOf(':', StringComparison.Ordinal);
        return i is > 0 and <= 60 ? text[..i] : text.Length <= 80 ? text : text[..79] + "…";
    }
}
