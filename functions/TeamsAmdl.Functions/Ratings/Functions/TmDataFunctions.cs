using System.Text;
using Microsoft.Azure.Functions.Worker;
using TeamsAmdl.Domain.Ratings;
using TeamsAmdl.Functions.Auth;
using TeamsAmdl.Functions.Hosting;
using TeamsAmdl.Functions.Repositories;

namespace TeamsAmdl.Functions.Ratings.Functions;

/// <summary>The TM quarterly data (R-RATE-6): CSV import and the imported rows with flags. Coordinators only.</summary>
public sealed class TmDataFunctions(TmImport import, StaffRepository staff)
{
    /// <summary>POST api/ratings/tm-import (text/csv, at most <see cref="TmImport.MaxBytes"/>): 400 if no row is valid.</summary>
    [Function("ratings-tm-import"), MaxBody(TmImport.MaxBytes)]
    public async Task<IResult> Import(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/ratings/tm-import")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        if (req.ContentLength > TmImport.MaxBytes) return ProblemResponses.Problem(413, "too_large", RatingTexts.CsvTooLarge(TmImport.MaxBytes));
        // The raw body, read one character past the limit: a body without Content-Length cannot exceed it unnoticed.
        using var reader = new StreamReader(req.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[TmImport.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > TmImport.MaxBytes) return ProblemResponses.Problem(413, "too_large", RatingTexts.CsvTooLarge(TmImport.MaxBytes));
        var csv = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(csv)) return ProblemResponses.Problem(400, "empty_csv", RatingTexts.CsvEmpty);
        var me = await staff.GetAsync(CurrentUser.From(req.HttpContext.User).StaffId, cancellationToken);
        if (me is null) return RatingApi.Forbidden();
        var report = await import.ImportAsync(csv, me, cancellationToken);
        if (report.Imported == 0 && report.Errors.Count > 0)
            return Results.Json(new { title = RatingTexts.CsvNothingValid, status = 400, code = "nothing_imported", report.Errors },
                TemplateStore.Json, "application/problem+json", 400);
        return RatingApi.Json(report);
    }

    /// <summary>GET api/ratings/tm-data (?quarter= as 2026-Q3, Q3/2026 or 3/2026).</summary>
    [Function("ratings-tm-data")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/ratings/tm-data")] HttpRequest req, CancellationToken cancellationToken)
    {
        if (!RatingApi.IsCoordinator(req.HttpContext.User)) return RatingApi.Forbidden();
        string? quarter = req.Query["quarter"];
        var q = string.IsNullOrEmpty(quarter) ? null : TmQuarterlyCsv.NormalizeQuarter(quarter);
        if (!string.IsNullOrEmpty(quarter) && q is null) return ProblemResponses.Problem(400, "invalid_quarter", RatingTexts.InvalidQuarter(quarter));
        return RatingApi.Json(await import.ListAsync(q, cancellationToken));
    }
}
