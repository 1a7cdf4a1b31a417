using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using static TeamsAmdl.Functions.Addin.AddinContracts;

namespace TeamsAmdl.Functions.Addin.Functions;

/// <summary>The Outlook add-in's API (issue 18): authenticated (Entra bearer from Office SSO; X-Dev-User in Development), filing roles only.</summary>
public sealed class AddinApiFunctions(MailFiling filing)
{
    /// <summary>POST api/addin/proposal: Träger, measure and category proposed for the open mail, with every choice.</summary>
    [Function("addin-proposal"), MaxBody(16 * 1024)]
    public async Task<IResult> Propose(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/addin/proposal")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (Forbidden(req) is { } denied) return denied;
        var body = await JsonBody.ReadAsync<ProposalBody>(req, cancellationToken);
        if (body.Problem is { } p) return p;
        return (await filing.ProposeAsync(CurrentUser.From(req.HttpContext.User), body.Value!, cancellationToken)).ToResult(v => v);
    }

    /// <summary>
    /// POST api/addin/filings: the mail and chosen attachments into the e-Akte; 201 with the queued files, 200 when
    /// every file of this mail had been filed before (nothing new). Up to 25 MB per request (<see cref="MailFiling.MaxRequestBytes"/>).
    /// </summary>
    [Function("addin-file"), MaxBody(MailFiling.MaxRequestBytes)]
    public async Task<IResult> File(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/addin/filings")] HttpRequest req, CancellationToken cancellationToken)
    {
        // The role before the body: a caller who may not file gets 403 without 25 MB being parsed.
        if (Forbidden(req) is { } denied) return denied;
        var body = await JsonBody.ReadAsync<FileBody>(req, cancellationToken);
        if (body.Problem is { } p) return p;
        return (await filing.FileAsync(CurrentUser.From(req.HttpContext.User), body.Value!, cancellationToken)).ToResult(v => v);
    }

    /// <summary>GET api/addin/jobs/{jobId}: the progress of one filed file.</summary>
    [Function("addin-job")]
    public async Task<IResult> Job(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/addin/jobs/{jobId}")] HttpRequest req, string jobId,
        CancellationToken cancellationToken) =>
        (await filing.JobAsync(CurrentUser.From(req.HttpContext.User), jobId, cancellationToken)).ToResult(v => v);

    private static IResult? Forbidden(HttpRequest req) =>
        MailFiling.MayFile(CurrentUser.From(req.HttpContext.User)) ? null : ProblemResponses.Problem(403, "forbidden", AddinTexts.Forbidden);
}
