using System.Security.Claims;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// What the rating functions share. R-SEC-2: coordinators (Koordinator:in, Koordinierende Führungskraft) see
/// everything; an assessor sees only the requests addressed to them, and only their own part.
/// </summary>
public static class RatingApi
{
    public static bool IsCoordinator(ClaimsPrincipal principal)
    {
        var u = CurrentUser.From(principal);
        return u.Has(StaffRole.Koordinator) || u.Has(StaffRole.KoordinierendeFuehrungskraft);
    }

    public static IResult Forbidden() => ProblemResponses.Problem(403, "forbidden", RatingTexts.CoordinatorsOnly);

    /// <summary>JSON as the rating API writes it (nulls left out, umlauts unescaped).</summary>
    public static IResult Json(object? value, int statusCode = 200) => Results.Json(value, TemplateStore.Json, statusCode: statusCode);

    /// <summary>
    /// A request as the API shows it; <paramref name="onlyAssessor"/> limits it to one assessor's part (R-SEC-2). For the
    /// tab: how many have answered, when each open assignment is reminded next (honest timing), and with
    /// <paramref name="template"/> the results: every auffällig value with its Begründung/Handlungsempfehlung and the link
    /// to the filed Bewertungsbogen.
    /// </summary>
    public static object View(RatingSnapshot s, string? onlyAssessor, DateTimeOffset now, bool withAnswers = false, QuestionnaireTemplate? template = null)
    {
        var r = s.Request;
        var today = BerlinCalendar.DateOf(now);
        var mine = s.Assignments.Where(a => onlyAssessor is null || a.AssessorId == onlyAssessor).OrderBy(a => a.AssessorId, StringComparer.Ordinal).ToList();
        return new
        {
            r.Id, r.MeasureNumber, r.MeasureTitle, traeger = r.TraegerName, kind = r.Kind.ToString(), kindName = r.Kind.DisplayName(),
            r.TemplateId, r.TemplateVersion, r.Note, r.RequestedBy, r.RequestedByName, r.SentAt, deadline = r.Deadline,
            daysLeft = RatingDeadline.DaysLeft(r.Deadline, today), r.Status, r.ClosedAt,
            submittedCount = mine.Count(a => a.Status == RatingStatus.Submitted), assessorCount = mine.Count,
            assessors = mine.Select(a => new
                {
                    id = a.AssessorId, name = a.AssessorName, a.Status, a.Answered, a.QuestionCount, a.RemindersSent,
                    overdue = a.Status == RatingStatus.Open && RatingDeadline.IsOverdue(r.Deadline, today), a.OverdueNotified, a.SubmittedAt,
                    a.HardAverage, a.SoftAverage, a.Auffaellig, badValues = a.BadValues.Select(b => b.Key),
                    nextReminder = r.Status == RatingStatus.Open && a.Status == RatingStatus.Open
                                   && RatingReminderTiming.Next(r.SentOn, r.Deadline, a.RemindersSent, now) is { } next
                        ? Delivery.DeliveryTime.At(next, now) : null,
                    eAkte = a.FilingJobId is null ? null : new { jobId = a.FilingJobId, path = a.FilingPath, document = DocumentLink(r.Id, a.AssessorId) },
                    flags = template is null || a.Status != RatingStatus.Submitted ? null
                        : RatingCards.BadValues(template, RatingCards.Evaluation(template, a), s.JustificationsOf(a.AssessorId))
                            .Select(b => new { key = b.Key, title = b.Title, begruendung = b.Begruendung, handlungsempfehlung = b.Handlungsempfehlung }),
                    answers = withAnswers ? s.AnswersOf(a.AssessorId).Select(x => new { question = x.QuestionId, value = x.Value, comment = x.Comment }) : null,
                    justifications = withAnswers ? s.JustificationsOf(a.AssessorId) : null,
                }),
        };
    }

    /// <summary>The route of the filed Bewertungsbogen (the PDF queued for the e-Akte) of one assessor.</summary>
    public static string DocumentLink(string ratingId, string assessorId) =>
        $"/api/ratings/requests/{Uri.EscapeDataString(ratingId)}/assessors/{Uri.EscapeDataString(assessorId)}/bewertungsbogen";
}
