using TeamsAmdl.Domain;
using TeamsAmdl.Filing;
using TeamsAmdl.Functions.Auth;

namespace TeamsAmdl.Functions.Filing;

/// <summary>
/// GET /api/filing/jobs[?status=Pending|Filed|Parked] — the filing jobs, newest first (parked ones are what needs
/// attention); POST /api/filing/jobs/{jobId}/requeue — a parked job back into the queue once its cause is fixed.
/// Both for coordinators, Fachkräfte SQS, koordinierende Führungskräfte and the Geschäftsleitung.
/// </summary>
public static class FilingEndpoints
{
    private static readonly StaffRole[] Allowed =
        [StaffRole.Koordinator, StaffRole.FachkraftSqs, StaffRole.KoordinierendeFuehrungskraft, StaffRole.Geschaeftsleitung];

    public static void MapFilingEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/filing").RequireAuthorization();

        api.MapGet("/jobs", async (string? status, HttpContext ctx, FilingOutbox outbox, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            FilingStatus? filter = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<FilingStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                    return ProblemResponses.Problem(400, "unknown_status",
                        $"Unbekannter Status „{status}“. Erlaubt: {string.Join(", ", Enum.GetNames<FilingStatus>())}.");
                filter = s;
            }
            return Results.Json((await outbox.ListAsync(filter, ct)).Select(View));
        });

        api.MapPost("/jobs/{jobId}/requeue", async (string jobId, HttpContext ctx, FilingOutbox outbox, CancellationToken ct) =>
        {
            if (Forbidden(ctx) is { } denied) return denied;
            var job = await outbox.GetAsync(jobId, ct);
            if (job is null)
                return ProblemResponses.Problem(404, "unknown_job", $"Den Ablageauftrag „{jobId}“ gibt es nicht.");
            if (!await outbox.RequeueAsync(jobId, ct))
                return ProblemResponses.Problem(409, "not_parked", $"Der Ablageauftrag ist nicht geparkt (Status {job.Status}).");
            return Results.Json(View((await outbox.GetAsync(jobId, ct))!));
        });
    }

    private static IResult? Forbidden(HttpContext ctx)
    {
        var user = CurrentUser.From(ctx.User);
        return Allowed.Any(user.Has)
            ? null
            : ProblemResponses.Problem(403, "forbidden", "Die Ablageaufträge der e-Akte sehen nur Koordination, Fachkräfte SQS, koordinierende Führungskräfte und Geschäftsleitung.");
    }

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
