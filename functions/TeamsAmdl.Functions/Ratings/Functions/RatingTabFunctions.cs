using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Ratings.Functions;

/// <summary>
/// What the coordinators' "Bewertungen" tab needs beyond create/list/get/close (issue 14): the people who can be asked,
/// "jetzt erinnern", and the filed Bewertungsbogen of one assessor.
/// </summary>
public sealed class RatingTabFunctions(RatingRequests requests, RatingStore store, StaffRepository staff, FilingOutbox? filing = null)
{
    /// <summary>GET api/ratings/assessors: staff with the role Bewerter who are reachable in Teams, by name.</summary>
    [Function("ratings-assessors")]
    public async Task<IResult> Assessors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/assessors")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        var list = (await staff.ListAsync(cancellationToken))
            .Where(s => s.Has(StaffRole.Bewerter) && !string.IsNullOrWhiteSpace(s.AadObjectId))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
            .Select(s => new AssessorView(s.Id, s.DisplayName));
        return RatingApi.Json(list);
    }

    /// <summary>POST api/ratings/requests/{id}/remind: the reminder card now to everyone who has not submitted; Idempotency-Key per click.</summary>
    [Function("ratings-request-remind"), MaxBody(0)]
    public async Task<IResult> Remind(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/ratings/requests/{id}/remind")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return RatingApi.Forbidden();
        if (!RatingStore.ValidId(id)) return ProblemResponses.Problem(404, "unknown_request", RatingTexts.UnknownRequest(id));
        var outcome = await requests.RemindAsync(id, me, req.Headers["Idempotency-Key"].ToString(), cancellationToken);
        return outcome.Ok ? RatingApi.Json(outcome.Value) : ProblemResponses.Problem(outcome.Status, outcome.Code!, outcome.Message!);
    }

    /// <summary>GET api/ratings/requests/{id}/assessors/{assessorId}/bewertungsbogen: the PDF queued for the e-Akte.</summary>
    [Function("ratings-bewertungsbogen")]
    public async Task<IResult> Document(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/requests/{id}/assessors/{assessorId}/bewertungsbogen")] HttpRequest req,
        string id, string assessorId, CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        var a = RatingStore.ValidId(id) ? (await store.LoadAsync(id, cancellationToken))?.AssignmentOf(assessorId) : null;
        if (a?.FilingJobId is not { } jobId || filing is null)
            return ProblemResponses.Problem(404, "no_document", RatingTexts.NoDocument);
        var pdf = await filing.DocumentAsync(jobId, cancellationToken);
        if (pdf is null) return ProblemResponses.Problem(404, "no_document", RatingTexts.NoDocument);
        return Results.File(pdf.ToArray(), "application/pdf", Path.GetFileName(a.FilingPath) ?? jobId + ".pdf");
    }
}
