using System.Text.Json;
using TeamsAmdl.Domain;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Ratings;

/// <summary>
/// The coordinators' API of the Lieferantenbewertung (the tab will use it): templates (versioned), rating requests,
/// closing, TM data import (the Bewertungsbögen are e-Akte filing jobs: GET /api/filing/jobs). R-SEC-2: coordinators (Koordinator:in, Koordinierende Führungskraft) see
/// everything; an assessor sees only the requests addressed to them, and only their own part.
/// </summary>
public static class RatingEndpoints
{
    public static void MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ratings").RequireAuthorization();

        api.MapGet("/templates", async (TemplateStore templates, CancellationToken ct) =>
            Results.Json((await templates.ListLatestAsync(ct)).Select(t => new
            {
                t.Id, t.Version, t.Title, questions = t.Questions.Count,
                hardFacts = t.In(RatingSection.HardFacts).Count(), softFacts = t.In(RatingSection.SoftFacts).Count(),
                scale = new { t.Scale.Min, t.Scale.Max, t.Scale.Threshold },
            }), TemplateStore.Json));

        api.MapGet("/templates/{id}", async (string id, int? version, TemplateStore templates, CancellationToken ct) =>
        {
            var versions = await templates.VersionsAsync(id, ct);
            var v = version is null ? versions.LastOrDefault() : versions.FirstOrDefault(x => x.Template.Version == version);
            if (v.Template is null)
                return version is null
                    ? ProblemResponses.Problem(404, "unknown_template", RatingTexts.UnknownTemplate(id))
                    : ProblemResponses.Problem(404, "unknown_template_version", RatingTexts.UnknownTemplateVersion(id, version.Value));
            return Results.Json(TemplateDto.From(v.Template, v.CreatedBy, v.CreatedAt), TemplateStore.Json);
        });

        api.MapPost("/templates/{id}/versions", async (string id, HttpContext http, TemplateStore templates, CancellationToken ct) =>
        {
            if (!IsCoordinator(http)) return Forbidden();
            var dto = await ReadAsync<TemplateDto>(http, ct);
            if (dto is null) return ProblemResponses.Problem(400, "invalid_body", RatingTexts.InvalidBody);
            var latest = await templates.LatestAsync(id, ct);
            var next = (latest?.Version ?? 0) + 1;
            if (dto.Version != 0 && dto.Version != next) return ProblemResponses.Problem(409, "wrong_version", RatingTexts.WrongNextVersion(next));
            QuestionnaireTemplate template;
            try
            {
                template = dto.ToDomain(id, next);
            }
            catch (DomainValidationException e)
            {
                return ProblemResponses.Problem(400, "invalid_template", e.Message);
            }
            if (!await templates.AddAsync(template, CurrentUser.From(http.User).StaffId, ct))
                return ProblemResponses.Problem(409, "version_exists", RatingTexts.VersionExists(id, next));
            return Results.Json(TemplateDto.From(template), TemplateStore.Json, statusCode: 201);
        });

        api.MapPost("/requests", async (HttpContext http, RatingRequests requests, StaffRepository staff, RatingStore store, TimeProvider time,
            CancellationToken ct) =>
        {
            if (!IsCoordinator(http)) return Forbidden();
            var body = await ReadAsync<NewRatingRequest>(http, ct);
            if (body is null) return ProblemResponses.Problem(400, "invalid_body", RatingTexts.InvalidBody);
            var me = await staff.GetAsync(CurrentUser.From(http.User).StaffId, ct);
            if (me is null) return Forbidden();
            var outcome = await requests.CreateAsync(me, body, http.Request.Headers["Idempotency-Key"].ToString(), ct);
            if (outcome.Request is null) return ProblemResponses.Problem(outcome.Status, outcome.Code!, outcome.Message!);
            var s = await store.LoadAsync(outcome.Request.Id, ct);
            return Results.Json(View(s!, null, BerlinCalendar.Today(time)), TemplateStore.Json, statusCode: outcome.Created ? 201 : 200);
        });

        api.MapGet("/requests", async (string? status, string? measure, HttpContext http, RatingStore store, TimeProvider time, CancellationToken ct) =>
        {
            var user = CurrentUser.From(http.User);
            var coordinator = IsCoordinator(http);
            var today = BerlinCalendar.Today(time);
            var assignments = (await store.ListAssignmentsAsync(null, ct)).ToLookup(a => a.RatingId);
            var list = (await store.ListRequestsAsync(ct))
                .Where(r => measure is null || r.MeasureNumber == measure)
                .Where(r => status is null || string.Equals(r.Status, status, StringComparison.OrdinalIgnoreCase)
                            || assignments[r.Id].Any(a => string.Equals(a.Status, status, StringComparison.OrdinalIgnoreCase)))
                .Select(r => new RatingSnapshot(r, assignments[r.Id].ToList(), new Dictionary<string, IReadOnlyDictionary<int, PageRow>>(),
                    new Dictionary<string, JustificationsRow>()))
                .Where(s => coordinator || s.AssignmentOf(user.StaffId) is not null)
                .OrderByDescending(s => s.Request.SentAt)
                .Select(s => View(s, coordinator ? null : user.StaffId, today));
            return Results.Json(list, TemplateStore.Json);
        });

        api.MapGet("/requests/{id}", async (string id, HttpContext http, RatingStore store, TimeProvider time, CancellationToken ct) =>
        {
            var s = await store.LoadAsync(id, ct);
            if (s is null) return ProblemResponses.Problem(404, "unknown_request", RatingTexts.UnknownRequest(id));
            var user = CurrentUser.From(http.User);
            if (!IsCoordinator(http) && s.AssignmentOf(user.StaffId) is null)
                return ProblemResponses.Problem(403, "not_your_request", RatingTexts.NotYourRequest);
            return Results.Json(View(s, IsCoordinator(http) ? null : user.StaffId, BerlinCalendar.Today(time), withAnswers: true), TemplateStore.Json);
        });

        api.MapPost("/requests/{id}/close", async (string id, HttpContext http, RatingRequests requests, StaffRepository staff, RatingStore store,
            TimeProvider time, CancellationToken ct) =>
        {
            if (!IsCoordinator(http)) return Forbidden();
            var me = await staff.GetAsync(CurrentUser.From(http.User).StaffId, ct);
            if (me is null) return Forbidden();
            var (request, status, code, message) = await requests.CloseAsync(id, me, ct);
            if (status != 200) return ProblemResponses.Problem(status, code!, message!);
            return Results.Json(View((await store.LoadAsync(request!.Id, ct))!, null, BerlinCalendar.Today(time)), TemplateStore.Json);
        });

        api.MapPost("/tm-import", async (HttpContext http, TmImport import, StaffRepository staff, CancellationToken ct) =>
        {
            if (!IsCoordinator(http)) return Forbidden();
            if (http.Request.ContentLength > TmImport.MaxBytes) return ProblemResponses.Problem(413, "too_large", RatingTexts.CsvTooLarge(TmImport.MaxBytes));
            using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[TmImport.MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            if (read > TmImport.MaxBytes) return ProblemResponses.Problem(413, "too_large", RatingTexts.CsvTooLarge(TmImport.MaxBytes));
            var csv = new string(buffer, 0, read);
            if (string.IsNullOrWhiteSpace(csv)) return ProblemResponses.Problem(400, "empty_csv", RatingTexts.CsvEmpty);
            var me = await staff.GetAsync(CurrentUser.From(http.User).StaffId, ct);
            if (me is null) return Forbidden();
            var report = await import.ImportAsync(csv, me, ct);
            if (report.Imported == 0 && report.Errors.Count > 0)
                return Results.Json(new { title = RatingTexts.CsvNothingValid, status = 400, code = "nothing_imported", report.Errors },
                    TemplateStore.Json, "application/problem+json", 400);
            return Results.Json(report, TemplateStore.Json);
        });

        api.MapGet("/tm-data", async (string? quarter, HttpContext http, TmImport import, CancellationToken ct) =>
        {
            if (!IsCoordinator(http)) return Forbidden();
            var q = quarter is null ? null : TmQuarterlyCsv.NormalizeQuarter(quarter);
            return Results.Json(await import.ListAsync(q, ct), TemplateStore.Json);
        });
    }

    public static bool IsCoordinator(HttpContext http)
    {
        var u = CurrentUser.From(http.User);
        return u.Has(StaffRole.Koordinator) || u.Has(StaffRole.KoordinierendeFuehrungskraft);
    }

    private static IResult Forbidden() => ProblemResponses.Problem(403, "forbidden", RatingTexts.CoordinatorsOnly);

    private static async Task<T?> ReadAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, TemplateStore.Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

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
