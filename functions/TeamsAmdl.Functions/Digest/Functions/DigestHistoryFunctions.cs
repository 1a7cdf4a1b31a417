using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Hosting;

namespace TeamsAmdl.Functions.Digest.Functions;

/// <summary>The published digests (R-INFO-3): readable by every staff member, they hold no customer data.</summary>
public sealed class DigestHistoryFunctions(DigestHistory history, DigestArchive archive, DigestBuilder builder)
{
    /// <summary>
    /// GET api/digest/history[?max=104][&amp;continuation=]: publications newest first, paged on the server (header
    /// X-Continuation-Token); the default page is two years of weekly publications, what the tab shows.
    /// </summary>
    [Function("digest-history")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/history")] HttpRequest req, CancellationToken cancellationToken)
    {
        var (page, problem) = PageQuery.From(req, defaultMax: 104, limit: 1000);
        if (problem is not null) return problem;
        var rows = await history.PageAsync(page!.Max, page.Continuation, cancellationToken);
        return rows is null ? PageQuery.InvalidContinuation() : PageQuery.Json(req, rows, DigestViews.HistoryItem);
    }

    /// <summary>GET api/digest/history/{id}: one publication with its messages as sent.</summary>
    [Function("digest-history-entry")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/history/{id}")] HttpRequest req, string id,
        CancellationToken cancellationToken) =>
        await DetailAsync(await history.GetAsync(id, cancellationToken), id, cancellationToken);

    /// <summary>GET api/digest/latest: the newest publication with its messages; 404 before the first.</summary>
    [Function("digest-latest")]
    public async Task<IResult> Latest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/latest")] HttpRequest req, CancellationToken cancellationToken)
    {
        var latest = (await history.ListAsync(1, cancellationToken)).FirstOrDefault();
        return latest is null
            ? ProblemResponses.Problem(404, "no_digest", DigestTexts.NoDigestYet)
            : await DetailAsync(latest, latest.RowKey, cancellationToken);
    }

    /// <summary>GET api/digest/history/{id}/document: the publication as PDF.</summary>
    [Function("digest-document")]
    public async Task<IResult> Document(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/digest/history/{id}/document")] HttpRequest req, string id,
        CancellationToken cancellationToken)
    {
        var row = await history.GetAsync(id, cancellationToken);
        if (row is null) return ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
        if (row.DocumentBlob is null || await archive.LoadDocumentAsync(row.DocumentBlob, cancellationToken) is not { } doc)
            return ProblemResponses.Problem(404, "no_document", DigestTexts.DocumentMissing);
        return Results.File(doc.Content.ToArray(), DigestPdf.ContentType, row.DocumentName);
    }

    private async Task<IResult> DetailAsync(DigestEntity? row, string id, CancellationToken ct)
    {
        if (row is null) return ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
        var snapshot = await archive.LoadSnapshotAsync(row.RowKey, ct);
        if (snapshot is null) return ProblemResponses.Problem(404, "unknown_digest", DigestTexts.UnknownDigest(id));
        var parts = builder.Build(snapshot);
        return Results.Json(new { digest = DigestViews.HistoryItem(row), parts = parts.Cards.Select(c => c.ToJsonObject()) });
    }
}
