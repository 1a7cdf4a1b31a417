using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>A running or finished publication (R-INFO-2): its live progress and "Erneut versuchen". Coordinators only (403 otherwise).</summary>
public sealed class DigestPublicationFunctions(DigestProgress progress)
{
    /// <summary>GET api/digest/publications/{id}: job state, 1:1 messages, e-Akte documents, channel posts, problems.</summary>
    [Function("digest-publication")]
    public async Task<IResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/publications/{id}")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        return await progress.GetAsync(id, cancellationToken) is { } p
            ? Results.Json(p)
            : ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
    }

    /// <summary>POST api/digest/publications/{id}/retry: 202 with the progress; 409 <c>nothing_to_retry</c> while it runs or when complete.</summary>
    [Function("digest-publication-retry"), MaxBody(0)]
    public async Task<IResult> Retry(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/digest/publications/{id}/retry")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        if (DigestHttp.Forbidden(req) is { } denied) return denied;
        return await progress.RetryAsync(id, cancellationToken) switch
        {
            null => ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id)),
            false => ProblemResponses.Problem(409, "nothing_to_retry", DigestTexts.NothingToRetry),
            true => Results.Json(await progress.GetAsync(id, cancellationToken), statusCode: 202),
        };
    }
}
