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

    /// <summary>A request as the API shows it; <paramref name="onlyAssessor"/> limits it to one assessor's part (R-SEC-2).</summary>
    public static object View(RatingSnapshot s, string? onlyAssessor, DateOnly today, bool withAnswers = false)
    {
        var r = s.Request;
        return new
        {
            r.Id, r.MeasureNumber, r.MeasureTitle, traeger = r.TraegerName, kind = r.Kind.ToString(), kindName = r.Kind.DisplayName(),
            r.TemplateId, r.TemplateVersion, r.Note, r.RequestedBy, r.RequestedByName, r.SentAt, deadline = r.Deadline,
            daysLeft = RatingDeadline.DaysLeft(r.Deadline, today), r.Status, r.ClosedAt,
            assessors = s.Assignments.Where(a => onlyAssessor is null || a.AssessorId == onlyAssessor).OrderBy(a => a.AssessorId, StringComparer.Ordinal)
                .Select(a => new
                {
                    id = a.AssessorId, name = a.AssessorName, a.Status, a.Answered, a.QuestionCount, a.RemindersSent,
                    overdue = a.Status == RatingStatus.Open && RatingDeadline.IsOverdue(r.Deadline, today), a.OverdueNotified, a.SubmittedAt,
                    a.HardAverage, a.SoftAverage, a.Auffaellig, badValues = a.BadValues.Select(b => b.Key),
                    eAkte = a.FilingJobId is null ? null : new { jobId = a.FilingJobId, path = a.FilingPath },
                    answers = withAnswers ? s.AnswersOf(a.AssessorId).Select(x => new { question = x.QuestionId, value = x.Value, comment = x.Comment }) : null,
                    justifications = withAnswers ? s.JustificationsOf(a.AssessorId) : null,
                }),
        };
    }
}
