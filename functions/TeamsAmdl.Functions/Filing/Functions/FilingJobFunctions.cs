using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Filing.Functions;

/// <summary>
/// The e-Akte filing jobs, for coordinators, Fachkräfte SQS, koordinierende Führungskräfte and the Geschäftsleitung:
/// the list (parked ones are what needs attention) and the requeue of a parked job once its cause is fixed.
/// </summary>
public sealed class FilingJobFunctions(FilingOutbox outbox)
{
    private static readonly StaffRole[] Allowed =
        [StaffRole.Koordinator, StaffRole.FachkraftSqs, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    /// <summary>
    /// GET api/filing/jobs (?status=Pending|Filed|Parked, ?max=200, ?continuation=): filtered and paged on the server
    /// (header X-Continuation-Token), newest first within the page.
    /// </summary>
    [Function("filing-jobs")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/filing/jobs")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        var (page, problem) = PageQuery.From(req, defaultMax: 200, limit: 1000);
        if (problem is not null) return problem;
        string? status = req.Query["status"];
        FilingStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!EnumNames.TryParse<FilingStatus>(status, out var s)) // "?status=1" is no status
                return ProblemResponses.Problem(400, "unknown_status", FilingTexts.UnknownStatus(status, Enum.GetNames<FilingStatus>()));
            filter = s;
        }
        var jobs = await outbox.ListPageAsync(filter, page!.Max, page.Continuation, cancellationToken);
        if (jobs is null) return PageQuery.InvalidContinuation();
        return PageQuery.Json(req, jobs with { Items = jobs.Items.OrderByDescending(j => j.EnqueuedAt).ToList() }, View);
    }

    /// <summary>POST api/filing/jobs/{jobId}/requeue: a parked job back into the queue (409 if it is not parked).</summary>
    [Function("filing-requeue"), MaxBody(0)]
    public async Task<IResult> Requeue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/filing/jobs/{jobId}/requeue")] HttpRequest req, string jobId,
        CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        var job = await outbox.GetAsync(jobId, cancellationToken);
        if (job is null)
            return ProblemResponses.Problem(404, "unknown_job", FilingTexts.UnknownJob(jobId));
        if (!await outbox.RequeueAsync(jobId, cancellationToken))
            return ProblemResponses.Problem(409, "not_parked", FilingTexts.NotParked(job.Status));
        return Results.Json(View((await outbox.GetAsync(jobId, cancellationToken))!));
    }

    private static IResult? Forbidden(HttpRequest req) =>
        Allowed.Any(CurrentUser.From(req.HttpContext.User).Has) ? null : ProblemResponses.Problem(403, "forbidden", FilingTexts.JobsForbidden);

    private static object View(FilingJob j) => new
    {
        jobId = j.JobId,
        status = j.Status.ToString(),
        path = j.Path,
        traeger = j.Traeger,
        massnahmenummer = j.Massnahmenummer,
        kategorie = j.Kategorie,
        dokumentart = j.Dokumentart,
        titel = j.Titel,
        contentHash = j.ContentHash,
        size = j.Size,
        attempts = j.Attempts,
        enqueuedAt = j.EnqueuedAt,
        filedAt = j.FiledAt,
        webUrl = j.WebUrl,
        uploadMethod = j.UploadMethod,
        lastErrorCode = j.LastErrorCode,
        lastError = j.LastError,
        lastHttpStatus = j.LastHttpStatus,
        lastAttemptAt = j.LastAttemptAt,
        nextAttemptAt = j.NextAttemptAt,
    };
}
