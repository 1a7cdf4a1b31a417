using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;
using TeamsAmdl.Storage;

namespace TeamsAmdl.Functions.Ratings.Functions;

/// <summary>Rating requests (R-RATE-1): coordinators create and close; an assessor sees only their own part (R-SEC-2).</summary>
public sealed class RatingRequestFunctions(RatingRequests requests, RatingStore store, TemplateStore templates, StaffRepository staff, TimeProvider time)
{
    /// <summary>POST api/ratings/requests: 201, or 200 for a repeated Idempotency-Key.</summary>
    [Function("ratings-request-create")]
    public async Task<IResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/ratings/requests")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        var body = await JsonBody.ReadAsync<NewRatingRequest>(req, cancellationToken);
        if (body.Problem is { } p) return p;
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return RatingApi.Forbidden();
        var outcome = await requests.CreateAsync(me, body.Value!, req.Headers["Idempotency-Key"].ToString(), cancellationToken);
        if (outcome.Request is null) return ProblemResponses.Problem(outcome.Status, outcome.Code!, outcome.Message!);
        var s = await store.LoadAsync(outcome.Request.Id, cancellationToken);
        return RatingApi.Json(RatingApi.View(s!, null, time.GetUtcNow()), outcome.Created ? 201 : 200);
    }

    /// <summary>
    /// GET api/ratings/requests[?status=][&amp;measure=][&amp;max=100][&amp;continuation=]: requests whose status or an
    /// assignment's status is the one asked for; paged on the server (header X-Continuation-Token), in request-id order,
    /// newest first within the page. Measure and Open/Closed are OData filters (an Open or Closed assignment only exists
    /// under a request of that status); Submitted and an assessor's own requests are checked per page, so those pages
    /// may hold fewer than max rows: the token says whether more follow.
    /// </summary>
    [Function("ratings-requests")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/requests")] HttpRequest req, CancellationToken cancellationToken)
    {
        var (page, problem) = PageQuery.From(req, defaultMax: 100, limit: 1000);
        if (problem is not null) return problem;
        string? status = req.Query["status"], measure = req.Query["measure"];
        if (string.IsNullOrEmpty(status)) status = null;
        else if (RatingStatus.All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase)) is { } known) status = known;
        else return ProblemResponses.Problem(400, "unknown_status", BoundaryTexts.UnknownValue("status", status, RatingStatus.All));
        if (string.IsNullOrEmpty(measure)) measure = null;
        var user = CurrentUser.From(req.HttpContext.User);
        var coordinator = RatingApi.IsCoordinator(req.HttpContext.User);
        var rows = await store.PageRequestsAsync(measure, status == RatingStatus.Submitted ? null : status, page!.Max, page.Continuation, cancellationToken);
        if (rows is null) return PageQuery.InvalidContinuation();
        var requests = rows.Items.Select(RatingRequestRow.From).Where(r => coordinator || r.AssessorIds.Contains(user.StaffId)).ToList();
        var assignments = await store.AssignmentsOfAsync(requests.Select(r => r.Id), cancellationToken);
        var now = time.GetUtcNow();
        var visible = requests
            .Select(r => new RatingSnapshot(r, assignments[r.Id].ToList(), new Dictionary<string, IReadOnlyDictionary<int, PageRow>>(),
                new Dictionary<string, JustificationsRow>()))
            .Where(s => status != RatingStatus.Submitted || s.Assignments.Any(a => a.Status == RatingStatus.Submitted))
            .Where(s => coordinator || s.AssignmentOf(user.StaffId) is not null)
            .OrderByDescending(s => s.Request.SentAt)
            .ToList();
        return PageQuery.Json(req, new TablePage<RatingSnapshot>(visible, rows.Continuation), s => RatingApi.View(s, coordinator ? null : user.StaffId, now),
            TemplateStore.Json);
    }

    /// <summary>GET api/ratings/requests/{id}: with answers, justifications and the e-Akte job.</summary>
    [Function("ratings-request")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/requests/{id}")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        var s = await store.LoadAsync(id, cancellationToken);
        if (s is null) return ProblemResponses.Problem(404, "unknown_request", RatingTexts.UnknownRequest(id));
        var user = CurrentUser.From(req.HttpContext.User);
        var coordinator = RatingApi.IsCoordinator(req.HttpContext.User);
        if (!coordinator && s.AssignmentOf(user.StaffId) is null)
            return ProblemResponses.Problem(403, "not_your_request", RatingTexts.NotYourRequest);
        var template = await templates.GetAsync(s.Request.TemplateId, s.Request.TemplateVersion, cancellationToken);
        return RatingApi.Json(RatingApi.View(s, coordinator ? null : user.StaffId, time.GetUtcNow(), withAnswers: true, template));
    }

    /// <summary>POST api/ratings/requests/{id}/close: open assignments become Closed, later input is refused.</summary>
    [Function("ratings-request-close"), MaxBody(0)]
    public async Task<IResult> Close(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/ratings/requests/{id}/close")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return RatingApi.Forbidden();
        var (request, status, code, message) = await requests.CloseAsync(id, me, cancellationToken);
        if (status != 200) return ProblemResponses.Problem(status, code!, message!);
        return RatingApi.Json(RatingApi.View((await store.LoadAsync(request!.Id, cancellationToken))!, null, time.GetUtcNow()));
    }
}
